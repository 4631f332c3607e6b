import { types, type ParserOptions, type QueryOptions, type Results } from '@electric-sql/pglite';
import type { ArrayType, RawResult } from './protocol.js';

export type Parsers = ParserOptions;

/** PGlite's default parsers plus one per array type, built the way PGlite builds its own. */
export function buildParsers(arrayTypes: ArrayType[]): Parsers {
  const parsers: Parsers = { ...types.parsers };
  for (const { oid, typarray } of arrayTypes) {
    const element = parsers[oid] ?? ((text: string) => text);
    parsers[typarray] = (text: string) => types.arrayParser(text, element, typarray);
  }
  return parsers;
}

// The Prisma adapter passes the same parsers object with every statement: merge it with the defaults once.
const merged = new WeakMap<Parsers, WeakMap<Parsers, Parsers>>();

function withCallerParsers(defaults: Parsers, callers: Parsers): Parsers {
  let byCaller = merged.get(defaults);
  if (!byCaller) merged.set(defaults, (byCaller = new WeakMap()));
  let parsers = byCaller.get(callers);
  if (!parsers) byCaller.set(callers, (parsers = { ...defaults, ...callers }));
  return parsers;
}

/** Turns a result in PostgreSQL's text form into PGlite's Results, honouring rowMode and parsers as PGlite does. */
export function parseRawResult<T>(raw: RawResult, defaults: Parsers, options?: QueryOptions): Results<T> {
  const parsers = options?.parsers ? withCallerParsers(defaults, options.parsers) : defaults;
  const columnParsers = raw.fields.map((field) => parsers[field.dataTypeID]);
  const parseRow = (row: (string | null)[]): unknown[] =>
    row.map((value, i) => {
      const parse = columnParsers[i];
      // PGlite passes the type to every parser; ParserOptions' type leaves it out.
      return value === null || !parse ? value : (parse as (text: string, typeId: number) => unknown)(value, raw.fields[i]!.dataTypeID);
    });
  const rows =
    options?.rowMode === 'array'
      ? raw.rows.map(parseRow)
      : raw.rows.map((row) => Object.fromEntries(parseRow(row).map((value, i) => [raw.fields[i]?.name, value])));
  return { rows: rows as T[], fields: raw.fields, affectedRows: raw.affectedRows };
}
