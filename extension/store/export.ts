import Papa from 'papaparse';
import { Person } from '../../shared/model';

/**
 * Text that a spreadsheet would run as a formula when the CSV is opened (OWASP "CSV injection"): it starts
 * with = + - @, a tab or a line break. Papa's own `escapeFormulae: true` misses a multi-line cell (its pattern's
 * `.*$` stops at the first line break), so the pattern is given here.
 */
export const FORMULA_START = /^[=+\-@\t\r\n]/;

// What a rep takes to another tool: the person's own fields, then owner and dates; never the sync internals.
const EXPORT_COLUMNS = Person.columns.filter((column) => !column.system || ['id', 'createdAt', 'updatedAt'].includes(column.key));

function cellOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/**
 * People as CSV with the sheet's headers, formula-safe: a cell starting with a formula character gets a leading
 * apostrophe (which our import removes again). Starts with a BOM so spreadsheet apps read Persian as UTF-8.
 */
export function exportPeopleCsv(people: readonly Person[]): string {
  const data = people.filter((person) => !person.deleted).map((person) => EXPORT_COLUMNS.map((column) => cellOf((person as Record<string, unknown>)[column.key])));
  return `\uFEFF${Papa.unparse({ fields: EXPORT_COLUMNS.map((column) => column.header), data }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`;
}

// RFC 6350 3.4: backslash, comma, semicolon and line breaks are escaped in text values.
const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');

// RFC 6350 3.2: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 sequence.
function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** People as vCard 3.0 (Google Contacts, Outlook, phones), UTF-8, one card each. */
export function exportPeopleVCard(people: readonly Person[]): string {
  const cards = people
    .filter((person) => !person.deleted)
    .map((person) => {
      const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escapeText(person.fullName)}`, `N:${escapeText(person.familyName ?? '')};${escapeText(person.givenName ?? (person.familyName ? '' : person.fullName))};;;`];
      if (person.company) lines.push(`ORG:${escapeText(person.company)}`);
      if (person.title) lines.push(`TITLE:${escapeText(person.title)}`);
      for (const email of person.emails) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(email)}`);
      for (const phone of person.phones) lines.push(`TEL:${escapeText(phone)}`);
      if (person.linkedinUrl) lines.push(`URL:${escapeText(person.linkedinUrl)}`);
      if (person.website) lines.push(`URL:${escapeText(person.website)}`);
      if (person.location) lines.push(`ADR;TYPE=WORK:;;${escapeText(person.location)};;;;`);
      if (person.tags.length) lines.push(`CATEGORIES:${person.tags.map(escapeText).join(',')}`);
      if (person.notes) lines.push(`NOTE:${escapeText(person.notes)}`);
      lines.push(`UID:urn:uuid:${person.id}`, `REV:${person.updatedAt}`, 'END:VCARD');
      return lines.map(foldLine).join('\r\n');
    });
  return cards.length ? `${cards.join('\r\n')}\r\n` : '';
}
