import { IdentityIndex, type CandidateRule } from './identity-index';
import { derivePersonKeys, FUZZY_SEPARATOR, type IdentityOptions, type PersonLike } from './person-keys';

const RULE_OF: Record<string, CandidateRule> = { org: 'same-name-and-organisation', company: 'same-name-and-company', domain: 'same-name-and-domain' };

/** The identity index of people: exact keys are LinkedIn profile, email and phone; fuzzy ones a name at a workplace. */
export class PersonIndex extends IdentityIndex<PersonLike> {
  constructor(options: IdentityOptions = {}) {
    super({ keysOf: (person) => derivePersonKeys(person, options), ruleOf });
  }
}

/** Builds the index of a store of people, e.g. every row of the Customers sheet. */
export function buildPersonIndex(people: Iterable<PersonLike & { id: string }>, options: IdentityOptions = {}): PersonIndex {
  const index = new PersonIndex(options);
  for (const person of people) index.add(person);
  return index;
}

// `<name>\0company:<key>` stands for "same name and company".
function ruleOf(key: string): CandidateRule {
  const workplace = key.slice(key.indexOf(FUZZY_SEPARATOR) + 1);
  return RULE_OF[workplace.slice(0, workplace.indexOf(':'))]!;
}
