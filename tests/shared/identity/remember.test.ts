import { describe, expect, it } from 'vitest';
import { rememberText } from '../../../shared/identity/remember';

function counted<R>(compute: (raw: unknown) => R) {
  const calls: unknown[] = [];
  const remembered = rememberText((raw) => {
    calls.push(raw);
    return compute(raw);
  }, 3);
  return { calls, remembered };
}

describe('rememberText', () => {
  it('computes each text once and hands every caller the same frozen result', () => {
    const { calls, remembered } = counted((raw) => ({ ok: true, value: { text: String(raw).toUpperCase() } }));
    const first = remembered('acme');
    expect(remembered('acme')).toBe(first);
    expect(calls).toEqual(['acme']);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.value)).toBe(true);
  });

  it('remembers a result that is null', () => {
    const { calls, remembered } = counted(() => null);
    remembered('no-domain');
    remembered('no-domain');
    expect(calls).toEqual(['no-domain']);
  });

  it('computes anything but text, and very long text, afresh every time', () => {
    const { calls, remembered } = counted((raw) => typeof raw);
    const huge = 'x'.repeat(5_000);
    for (const raw of [42, 42, undefined, undefined, huge, huge]) remembered(raw);
    expect(calls).toEqual([42, 42, undefined, undefined, huge, huge]);
  });

  it('forgets everything once it holds its limit, and stays correct', () => {
    const { calls, remembered } = counted((raw) => `key:${String(raw)}`);
    for (const raw of ['a', 'b', 'c', 'd', 'a']) expect(remembered(raw)).toBe(`key:${raw}`);
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});
