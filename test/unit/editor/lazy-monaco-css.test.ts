import { describe, expect, it } from 'vitest';
import { lazyMonacoCss } from '../../../src/components/editor/vite-plugin-lazy-monaco-css';

type Transform = (code: string, id: string) => { code: string } | null;
const transform = lazyMonacoCss().transform as unknown as Transform;

describe('lazy Monaco CSS plugin', () => {
  it("turns monaco-editor's side-effect CSS imports into injected ?inline strings", () => {
    const id = '/repo/node_modules/monaco-editor/esm/vs/editor/browser/widget/x.js';
    const result = transform("import './x.css';\nimport { a } from './a.js';\nexport const b = a;", id);
    expect(result).not.toBeNull();
    expect(result!.code).toContain('import __wbMonacoCss0 from "./x.css?inline"; __wbInjectCss(__wbMonacoCss0);');
    expect(result!.code).toMatch(/import \{ injectCss as __wbInjectCss \} from ".*inject-css\.ts";/);
    expect(result!.code).toContain("import { a } from './a.js';");
    expect(result!.code).not.toMatch(/^import '\.\/x\.css';/m);
  });

  it('leaves other modules and Monaco files without CSS alone', () => {
    expect(transform("import './x.css';", '/repo/src/components/cell/wb-cell.ts')).toBeNull();
    expect(transform("import { a } from './a.js';", '/repo/node_modules/monaco-editor/esm/vs/base/common/a.js')).toBeNull();
  });
});
