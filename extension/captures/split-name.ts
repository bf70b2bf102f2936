import type { CapturedField } from '../../shared/capture/capture';

// TODO(2026-11-23): use shared/identity (it normalises names for matching but does not split them yet).

// Particles and titles make a split ambiguous ("Maria de la Cruz", "Dr Ali Rezaei", "سید علی موسوی"):
// such names are left whole rather than split wrongly.
const UNSAFE = /^(?:van|von|de|del|della|da|di|du|la|le|bin|bint|ibn|al|el|abu|mr|mrs|ms|dr|prof|sir|seyed|sayed|haj|سید|سیده|حاج|دکتر|مهندس|آقای|خانم)\.?$/i;
// Letters of one script per token (Latin, Persian/Arabic, Cyrillic, Greek...), with joiners and apostrophes.
const WORD = /^\p{L}[\p{L}\p{M}'’\u200C-]*$/u;
// Chinese, Japanese and Korean names are written without spaces, family name first: never split here.
const CJK = /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;

/**
 * Given and family name from a full name, only where that is safe: exactly two plain words, no particle,
 * title, initial, digit or credential. Anything else gives nothing, and the rep sees the full name only.
 */
export function splitName(full: CapturedField | undefined): { givenName?: CapturedField; familyName?: CapturedField } {
  if (!full) return {};
  const words = full.value.split(/\s+/);
  if (words.length !== 2 || CJK.test(full.value)) return {};
  if (!words.every((word) => WORD.test(word) && word.replace(/\u200C/g, '').length > 1 && !UNSAFE.test(word))) return {};
  // A split by position is less certain than the name itself.
  const confidence = Math.round(full.confidence * 0.8 * 100) / 100;
  const strategy = `split:${full.strategy}`;
  return { givenName: { value: words[0]!, confidence, strategy }, familyName: { value: words[1]!, confidence, strategy } };
}
