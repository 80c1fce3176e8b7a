/**
 * Frame table for one profile: the learner's functions (from the transform's
 * sites), built-ins (by qualified name) and `<module>`, each added once, in
 * the order the recorder met them.
 */
import type { Frame } from '../types';
import type { FunctionSite } from './transform';

export class FrameTable {
  readonly frames: Frame[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(readonly filename: string) {
    this.add({ name: '<module>', file: filename, line: 1, column: 1, builtin: false });
  }

  add(frame: Frame): number {
    const key = `${frame.builtin ? '~' : frame.file}\u0000${frame.line}\u0000${frame.column}\u0000${frame.name}`;
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.frames.length;
      this.frames.push(frame);
      this.byKey.set(key, index);
    }
    return index;
  }

  site(site: FunctionSite): number {
    return this.add({ name: site.name, file: this.filename, line: site.line, column: site.column, builtin: false });
  }

  builtin(name: string): number {
    return this.add({ name, file: '', line: 0, column: 0, builtin: true });
  }
}
