import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { html, SafeHtml } from './html.ts';

/** The one style sheet of the server's pages, inline and allowed by its hash (no inline script anywhere). */
const styleSheet = [
  'html{-webkit-text-size-adjust:100%}',
  'body{margin:0;font:1.125rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f5f6f8}',
  'main{box-sizing:border-box;max-width:40rem;margin:0 auto;padding:2rem 1rem 3rem;overflow-wrap:anywhere}',
  'h1{font-size:1.625rem;line-height:1.25;margin:0 0 1rem}',
  'h2{font-size:1.25rem;margin:2rem 0 .5rem}',
  'h3{font-size:1.0625rem;margin:1rem 0 .25rem}',
  'p{margin:0 0 1rem}',
  '.note{color:#4a5361;font-size:1rem}',
  'form{margin:1.5rem 0}',
  'button{font:inherit;min-height:2.75rem;padding:.625rem 1.25rem;border-radius:.5rem;border:2px solid #1747b0;background:#1747b0;color:#fff;cursor:pointer}',
  'button:hover{background:#123a90}',
  'a{color:#1747b0}',
  ':focus-visible{outline:3px solid #b8590b;outline-offset:3px}',
  'article{background:#fff;border:1px solid #d5d9e0;border-radius:.5rem;padding:1rem;margin:0 0 1rem}',
  'iframe{width:100%;min-height:18rem;border:1px solid #d5d9e0;background:#fff}',
  'pre{white-space:pre-wrap;font-size:.9375rem}',
  '@media (prefers-color-scheme:dark){body{color:#e8eaee;background:#15181d}.note{color:#b5bcc8}article{background:#1e232a;border-color:#39414d}a{color:#8fb3ff}button{border-color:#8fb3ff;background:#8fb3ff;color:#0b1220}}',
].join('');

/** Our own constant style sheet: the one piece of markup not built from escaped values. */
const styleElementContent = new SafeHtml(styleSheet);
const styleHash = `'sha256-${createHash('sha256').update(styleSheet).digest('base64')}'`;

/** Languages written right to left, for the `dir` attribute (Arabic among the shipped ones). */
const rightToLeft = new Set(['ar', 'fa', 'he', 'ur', 'yi']);

export interface Page {
  /** The page's language (`en`, `de`, `ar`, …). */
  language: string;
  title: string;
  /** The content of `<main>`, which starts with the page's one `h1`. */
  main: SafeHtml;
}

/** A small accessible HTML document: language and direction, a title, one main landmark, a visible focus style. */
export function renderPage(page: Page): string {
  const dir = rightToLeft.has(page.language.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  return html`<!doctype html>
<html lang="${page.language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title}</title>
<style>${styleElementContent}</style>
</head>
<body>
<main>
${page.main}
</main>
</body>
</html>
`.value;
}

/**
 * Sends a page with the headers every server page carries: a strict Content-Security-Policy (no
 * script at all, only our own style sheet, forms only to ourselves, never framed), no Referer
 * (a page at an invite link must not leak its token to the next site), never cached, never indexed.
 */
export function sendPage(reply: FastifyReply, status: number, page: Page): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', `default-src 'none'; style-src ${styleHash}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`)
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .send(renderPage(page));
}

