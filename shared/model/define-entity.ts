import { z } from 'zod';
import { CAPTURE_SOURCES } from './vocabulary';

/** How a field is held in a sheet cell; the row codec turns values to and from cells by this. */
export type CellKind = 'text' | 'number' | 'boolean' | 'datetime' | 'list' | 'json';

/** One field of an entity: its schema plus everything the sheet and the local database derive from it. */
export interface FieldSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** The column header in the entity's sheet; the add-on finds columns by this, never by position. */
  header: string;
  cell: CellKind;
  /**
   * A Dexie index: `plain` for an ordinary key, `multi` for each element of a list. Only for fields the
   * extension queries by: every index entry is a write of its own, and unused ones made importing 100,000
   * contacts half again as slow (issue 5).
   */
  index?: 'plain' | 'multi';
  /** Maintained by Clipsheet, protected (with a warning) in the sheet. */
  system?: boolean;
  /**
   * Computed in the sheet from other data (a person's segments): sync keeps the sheet's value and never takes
   * a client's copy, which is only ever an older reading of it.
   */
  derived?: boolean;
}

export const field = <S extends z.ZodType>(schema: S, spec: Omit<FieldSpec<S>, 'schema'>): FieldSpec<S> => ({
  schema,
  ...spec,
});

export const isoDateTime = z.iso.datetime({ offset: true });

/** Where one field's current value came from [S8]. */
export const provenanceEntry = z.object({
  source: z.enum(CAPTURE_SOURCES),
  at: isoDateTime,
  by: z.string().optional(),
  url: z.string().optional(),
});
export type ProvenanceEntry = z.infer<typeof provenanceEntry>;

/** A value that lost a merge; kept so that nothing captured is ever thrown away [S8]. */
export const historyEntry = z.object({
  field: z.string(),
  value: z.unknown(),
  source: z.enum(CAPTURE_SOURCES).optional(),
  at: isoDateTime.optional(),
  by: z.string().optional(),
  url: z.string().optional(),
  replacedAt: isoDateTime,
  /** For an id that sync merged away: the change that merged it, so its replay is known after the row moves on. */
  change: z.string().max(128).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

/** The fields every record has: identity, sync state and provenance. */
export const recordFields = {
  id: field(z.string().min(1).max(64), { header: 'Id', cell: 'text', system: true }),
  revision: field(z.number().int().nonnegative(), { header: 'Revision', cell: 'number', system: true }),
  createdAt: field(isoDateTime, { header: 'Created at', cell: 'datetime', system: true }),
  updatedAt: field(isoDateTime, { header: 'Updated at', cell: 'datetime', system: true }),
  /** Tombstone: sync never deletes a row, it marks it. */
  deleted: field(z.boolean().default(false), { header: 'Deleted', cell: 'boolean', system: true }),
  /**
   * The rep who owns the record (their Team email); every customer is always reachable by an owner [S9]. A
   * blank cell (a built-in segment, a row typed by hand) reads as unassigned, not as a row sync cannot read.
   */
  owner: field(z.string().max(320).default(''), { header: 'Owner', cell: 'text' }),
  provenance: field(z.record(z.string(), provenanceEntry).default({}), { header: 'Provenance', cell: 'json', system: true }),
  history: field(z.array(historyEntry).default([]), { header: 'History', cell: 'json', system: true }),
  /** The idempotency key of the last change sync applied to this row; a replayed change matches it. */
  lastChange: field(z.string().max(128).optional(), { header: 'Last change', cell: 'text', system: true }),
};

type RecordFieldSpecs = typeof recordFields;
type ShapeOf<F extends Record<string, FieldSpec>> = { [K in keyof F]: F[K]['schema'] };

export interface Column {
  key: string;
  header: string;
  cell: CellKind;
  system: boolean;
  derived: boolean;
}

/**
 * Defines an entity once. Its zod schema gives the TypeScript type and validates at every boundary; its
 * columns give the sheet headers; its indexes give the Dexie store declaration.
 */
export function defineEntity<const Name extends string, F extends Record<string, FieldSpec>>(definition: {
  name: Name;
  /** The sheet the add-on keeps this entity in. */
  sheet: string;
  fields: F;
}) {
  const fields = { ...recordFields, ...definition.fields } as RecordFieldSpecs & F;
  const shape = Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, spec.schema]));
  const schema = z.object(shape as ShapeOf<RecordFieldSpecs & F>);
  const columns: Column[] = Object.entries(fields).map(([key, spec]) => ({
    key,
    header: spec.header,
    cell: spec.cell,
    system: spec.system ?? false,
    derived: spec.derived ?? false,
  }));
  const indexes = Object.entries(fields).flatMap(([key, spec]) =>
    spec.index === 'plain' ? [key] : spec.index === 'multi' ? [`*${key}`] : [],
  );
  return {
    name: definition.name,
    sheet: definition.sheet,
    fields,
    schema,
    columns,
    /** Dexie's store declaration: primary key first, then the indexed fields. */
    dexieStore: ['id', ...indexes].join(', '),
  };
}

export type Entity = ReturnType<typeof defineEntity<string, Record<string, FieldSpec>>>;

/** The allowed values of an enum field (through optional/default wrappers), for drop-downs; null otherwise. */
export function enumValues(schema: z.ZodType): readonly string[] | null {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodEnum ? (inner.options as string[]) : null;
}
