import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findForbiddenImports } from '../../support/findForbiddenImports.ts';
import { repoRoot } from '../../../scripts/lib/loadProjectFiles.ts';

/**
 * Nothing under src/ (the SPA, the widget, the engine) may reach server/ or a provider SDK: the
 * bundles would carry server code, and with it a way to secrets. Checked on the import graph, not
 * on the bundle (tests/e2e/bundleContents.e2e.ts checks the built files).
 */
describe('src/ import boundary', () => {
  it('reaches neither server/ nor a provider SDK nor any package that is not for browsers', () => {
    expect(findForbiddenImports(repoRoot, 'src')).toEqual([]);
  });

  describe('on planted files', () => {
    let root: string;
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const plant = (files: Record<string, string>) => {
      root = mkdtempSync(path.join(tmpdir(), 'import-boundary-'));
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      return findForbiddenImports(root, 'src').map(({ file, specifier }) => `${file} → ${specifier}`);
    };

    it('finds a provider SDK imported by a component, statically or lazily', () => {
      expect(
        plant({
          'src/ui/Card.tsx': "import { useState } from 'react';\nimport { createClerkClient } from '@clerk/backend';\nexport const x = () => import('@aws-sdk/client-sesv2');",
        }),
      ).toEqual(['src/ui/Card.tsx → @aws-sdk/client-sesv2', 'src/ui/Card.tsx → @clerk/backend']);
    });

    it('finds server/ imported through a file outside src/, and a type-only import too', () => {
      expect(
        plant({
          'src/app/page.ts': "export { helper } from '../../shared/helper.ts';\nimport type { IdentitySource } from '../../server/identity/IdentitySource.ts';",
          'shared/helper.ts': "import { openStore } from '../server/store/openStore';\nexport const helper = openStore;",
          'server/store/openStore.ts': 'export const openStore = 1;',
        }),
      ).toEqual(['shared/helper.ts → ../server/store/openStore', 'src/app/page.ts → ../../server/identity/IdentitySource.ts']);
    });

    it('finds a Node built-in, an unlisted package and a glob into server/', () => {
      expect(
        plant({
          'src/engine/x.ts': "import { readFileSync } from 'node:fs';\nimport pg from 'pg';\nconst files = import.meta.glob(['/server/**/*.ts', '!/server/x.ts']);",
        }),
      ).toEqual(['src/engine/x.ts → /server/**/*.ts', 'src/engine/x.ts → /server/x.ts', 'src/engine/x.ts → node:fs', 'src/engine/x.ts → pg']);
    });

    it('accepts browser packages, relative files and data globs', () => {
      expect(
        plant({
          'src/app/a.tsx': "import { z } from 'zod/mini';\nimport { b } from './b';\nconst flows = import.meta.glob('/flows/*.json');\nexport const a = [z, b, flows];",
          'src/app/b.ts': "import { createActor } from 'xstate';\nexport const b = createActor;",
        }),
      ).toEqual([]);
    });
  });
});
