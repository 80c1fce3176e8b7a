/** True on touch-first screens, where a plain textarea serves better than Monaco. */
export function isTouchDevice(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}
