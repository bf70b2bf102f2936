import { toASCII } from 'punycode/punycode.es6.js';
import { accept, reject, type Normalised } from './problem';

// Two or more LDH labels of 1-63 characters (RFC 1035, as RFC 5891 keeps them for punycode); the last one
// not all digits, which refuses IPv4 addresses.
const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?![0-9]+$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const PLAIN_ASCII = /^[a-z0-9.-]*$/;

/**
 * A host name in lower-case ASCII form (IDN labels to punycode, RFC 3492), validated label by label: the
 * form in which two spellings of one domain compare equal. IP addresses and single labels are refused.
 */
export function normaliseHostname(host: string, field = 'domain'): Normalised<string> {
  let ascii = host.toLowerCase();
  // Nearly every host is plain ASCII already. For the rest, NFKC and lower case are the mapping steps of IDNA
  // (UTS 46) that matter in practice (full-width letters from a CJK or Persian keyboard), then punycode.
  if (!PLAIN_ASCII.test(ascii)) {
    try {
      ascii = toASCII(host.normalize('NFKC').toLowerCase());
    } catch {
      return reject(field, 'malformed', `${field} is not a valid domain name`);
    }
  }
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  if (ascii.length > 253) return reject(field, 'malformed', `${field} is longer than a domain name can be`);
  return HOSTNAME.test(ascii) ? accept(ascii) : reject(field, 'malformed', `${field} is not a valid domain name`);
}
