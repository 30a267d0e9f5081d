import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './buildWithProjectConfig.ts';

/**
 * `stack`: the mandated libraries and nothing of ours: a machine (xstate + @xstate/react), a store
 * (zustand), a router (react-router-dom), an i18n instance (i18next + react-i18next), each used so
 * the bundler keeps it. `react`: React + react-dom rendering one enabled input, the startup
 * baseline. Both carry `#start-email`, the element the startup measurement waits for.
 */
export type BarePage = 'stack' | 'react';

const html = (title: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./main.tsx"></script>
  </body>
</html>
`;

const sources: Record<BarePage, string> = {
  stack: `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { createMachine } from 'xstate';
import { useMachine } from '@xstate/react';
import { create } from 'zustand';

const toggle = createMachine({ id: 'toggle', initial: 'off', states: { off: { on: { toggle: 'on' } }, on: { on: { toggle: 'off' } } } });
const useCounter = create<{ count: number; increment(): void }>()((set) => ({ count: 0, increment: () => set((state) => ({ count: state.count + 1 })) }));
const i18n = createInstance();
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: { title: 'Bare stack', email: 'Email' } } }, initAsync: false });

function Home() {
  const { t } = useTranslation();
  const [state, send] = useMachine(toggle);
  const count = useCounter((store) => store.count);
  const increment = useCounter((store) => store.increment);
  return (
    <main>
      <h1>{t('title')}</h1>
      <label htmlFor="start-email">{t('email')}</label>
      <input id="start-email" type="email" />
      <button type="button" onClick={() => send({ type: 'toggle' })}>{String(state.value)}</button>
      <button type="button" onClick={increment}>{count}</button>
      <Link to="/other">other</Link>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <BrowserRouter basename={import.meta.env.BASE_URL}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="*" element={<p>other</p>} />
        </Routes>
      </BrowserRouter>
    </I18nextProvider>
  </StrictMode>,
);
`,
  react: `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <main>
      <label htmlFor="start-email">Email</label>
      <input id="start-email" type="email" />
    </main>
  </StrictMode>,
);
`,
};

/**
 * Writes a bare page's index.html + main.tsx into `dir`, with a node_modules link to the
 * project's, so it resolves exactly the library versions the app uses.
 */
export async function writeBarePage(dir: string, page: BarePage): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), html(page === 'stack' ? 'Bare stack' : 'Bare React'));
  await writeFile(path.join(dir, 'main.tsx'), sources[page]);
  await symlink(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
