// @vitest-environment node
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs a CLI script with `input` on stdin and returns its exit status and parsed output lines. */
function runScript(script: string, input: string): { status: number | null; lines: Record<string, unknown>[]; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, input, encoding: 'utf8', timeout: 15_000 });
  const lines = result.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: result.status, lines, stderr: result.stderr };
}

const tooLong = `550 5.1.1 ${'x'.repeat(10_001)}`;

describe('classify-bounce CLI', () => {
  it('writes one JSON object per input line, in order, and exits 0', () => {
    const input = ['550 5.1.1 user unknown', '', 'Not delivering to previously bounced address', tooLong, 'bad\u0000bytes', 'No MX for example.invalid'].join('\n');
    const { status, lines, stderr } = runScript('scripts/classifyBounce.ts', `${input}\n`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toEqual({
      action: 'fix-address',
      category: 'bad-mailbox',
      code: '5.1.1',
      adviceKey: 'diagnostics.advice.badMailbox',
      reason: 'code:5.1.1',
      confidence: 0.95,
      phrase: 'user unknown',
      input: '550 5.1.1 user unknown',
    });
    expect(lines[1]).toMatchObject({ input: '', error: { kind: 'blank-line' } });
    expect(lines[2]).toMatchObject({ action: 'resend-suppressed', input: 'Not delivering to previously bounced address' });
    expect(lines[3]).toMatchObject({ error: { kind: 'line-too-long' } });
    expect((lines[3]?.input as string).length).toBeLessThan(300);
    expect(lines[4]).toMatchObject({ input: 'bad\u0000bytes', error: { kind: 'binary-content' } });
    expect(lines[5]).toMatchObject({ action: 'fix-address', category: 'bad-domain', reason: 'text:no-mx', phrase: 'no mx' });
  });

  it('reports how sure it is and which words decided, and no phrase when only a code did', () => {
    const { lines } = runScript('scripts/classifyBounce.ts', '550 5.7.1 No such user\n550 5.4.4\nsomething odd happened\n');
    expect(lines[0]).toMatchObject({ action: 'fix-address', reason: 'code:5.7.1+text:no-such-user', confidence: 0.9, phrase: 'no such user' });
    expect(lines[1]).toMatchObject({ action: 'fix-address', reason: 'code:5.4.4', phrase: null });
    expect(lines[1]?.confidence).toBeGreaterThan(0);
    expect(lines[2]).toMatchObject({ action: 'unknown', reason: 'none', confidence: 0, phrase: null });
  });

  it('handles a last line without a newline, Windows line ends and empty input', () => {
    expect(runScript('scripts/classifyBounce.ts', 'user unknown\r\nmailbox full').lines.map((line) => line.category)).toEqual([
      'bad-mailbox',
      'mailbox-full',
    ]);
    expect(runScript('scripts/classifyBounce.ts', '')).toMatchObject({ status: 0, lines: [] });
  });
});

describe('check-address CLI', () => {
  it('writes one JSON object per input line, in order, and exits 0', () => {
    const input = ['jane@gmial.com', '   ', 'not an address', ` ${'a'.repeat(10_001)}@x.com`, 'User@Bücher.DE'].join('\n');
    const { status, lines, stderr } = runScript('scripts/checkAddress.ts', `${input}\n`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({ input: 'jane@gmial.com', valid: true, normalized: 'jane@gmial.com', problems: [], suggestion: 'jane@gmail.com' });
    expect(lines[1]).toMatchObject({ input: '   ', error: { kind: 'blank-line' } });
    expect(lines[2]).toMatchObject({ valid: false, problems: ['whitespace', 'missing-at'] });
    expect(lines[3]).toMatchObject({ error: { kind: 'line-too-long' } });
    expect(lines[4]).toMatchObject({ valid: true, normalized: 'User@bücher.de' });
  });
});
