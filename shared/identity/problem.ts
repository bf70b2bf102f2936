/**
 * What normalisers return. A value that cannot become an identity key is reported, never thrown: the record
 * that carried it is still kept, matched on its other keys, and shown to the rep with the reason.
 */

/** Why a value gave no identity key. */
export type ProblemCode =
  | 'not-text'
  | 'empty'
  | 'too-long'
  | 'formula'
  | 'malformed'
  | 'no-country'
  | 'free-mail'
  | 'not-linkedin'
  | 'no-public-id';

/** One value that gave no key: which field, why, and a sentence for the rep. */
export interface IdentityProblem {
  readonly field: string;
  readonly code: ProblemCode;
  readonly message: string;
}

/** A normalised value, or the problem that prevented it. */
export type Normalised<T = string> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: IdentityProblem };

/** A successful normalisation. */
export const accept = <T>(value: T): Normalised<T> => ({ ok: true, value });

/** A failed normalisation, with its reason. */
export const reject = <T = never>(field: string, code: ProblemCode, message: string): Normalised<T> => ({
  ok: false,
  problem: { field, code, message },
});

/** The value of a normalisation, or `undefined` when it failed. */
export const valueOf = <T>(result: Normalised<T>): T | undefined => (result.ok ? result.value : undefined);
