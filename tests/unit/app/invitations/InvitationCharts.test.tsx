// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../../src/app/createI18n.ts';
import { causesOverTime } from '../../../../src/app/invitations/charts/causesOverTime.ts';
import { failingDomains } from '../../../../src/app/invitations/charts/failingDomains.ts';
import { InvitationCharts } from '../../../../src/app/invitations/charts/InvitationCharts.tsx';
import { invitationFunnel } from '../../../../src/app/invitations/charts/invitationFunnel.ts';
import app from '../../../../locales/en/app.json';
import flows from '../../../../locales/en/flows.json';
import invitationCharts from '../../../../locales/en/invitationCharts.json';
import { createChartEvidence, createChartRow } from '../../registry/charts/createChartRow.ts';

// jsdom has no canvas: chart.js's Chart is replaced, in this file only, by a recorder of what it
// was asked to draw and whether it was destroyed. Everything else (aggregations, texts, tables) is real.
const charts = vi.hoisted(() => [] as Array<{ canvas: HTMLCanvasElement; config: { options: { animation: unknown }; data: { labels: string[]; datasets: Array<{ data: number[]; backgroundColor: string }> } }; destroyed: boolean }>);
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    destroyed = false;
    constructor(
      public canvas: HTMLCanvasElement,
      public config: (typeof charts)[number]['config'],
    ) {
      charts.push(this);
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { Chart, BarController: {}, BarElement: {}, CategoryScale: {}, LinearScale: {}, Tooltip: {}, Legend: {} };
});

// Nothing here is hidden by CSS (jsdom reads none): skipping the visibility checks keeps role
// queries fast (seconds → milliseconds on this page's tables).
configure({ defaultHidden: true });

const now = Date.parse('2026-11-29T12:00:00.000Z');
const rows = [
  createChartRow({ email: 'ana@big.example', cause: 'accepted', invitedAt: '2026-11-24T09:00:00.000Z', acceptedAt: '2026-11-25T09:00:00.000Z' }),
  createChartRow({ email: 'bo@big.example', cause: 'bounced', invitedAt: '2026-11-24T09:00:00.000Z' }),
  createChartRow({ email: 'cy@big.example', cause: 'bounced', invitedAt: '2026-11-10T09:00:00.000Z' }),
  createChartRow({ email: 'di@small.example', cause: 'expired', invitedAt: '2026-11-10T09:00:00.000Z' }),
  createChartRow({ email: 'ed@small.example', cause: 'delivered_not_accepted', invitedAt: '2026-11-26T09:00:00.000Z' }),
  createChartRow({ email: 'fa@small.example', cause: 'not_sent', invitedAt: '2026-11-27T09:00:00.000Z' }),
];
const evidence = new Map([
  ['ed@small.example', createChartEvidence('ed@small.example', ['sent', 'delivered'])],
  ['di@small.example', createChartEvidence('di@small.example', ['delivered'], [{ kind: 'refused' }])],
  ['bo@big.example', createChartEvidence('bo@big.example', ['bounced'], [{ kind: 'opened', automated: true }])],
]);

function renderCharts() {
  const i18n = createI18n({ lng: 'en', resources: { en: { app, flows, invitationCharts } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <div className="id-theme">
        <InvitationCharts rows={rows} evidence={evidence} now={now} />
      </div>
    </I18nextProvider>,
  );
}

function stubMatchMedia(matching: string[]) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: matching.includes(query), media: query, addEventListener() {}, removeEventListener() {} }));
}

/** Opens the table named `name` ("Show as a table"), then each body row as its cells' texts. */
async function tableRows(name: RegExp): Promise<string[][]> {
  const table = screen.getByRole('table', { name });
  const details = table.closest('details');
  if (details && !details.open) await userEvent.click(within(details).getByText('Show as a table', { selector: 'summary' }));
  expect(details?.open).toBe(true);
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...within(row).queryAllByRole('rowheader'), ...within(row).queryAllByRole('cell')].map((cell) => cell.textContent ?? ''));
}

beforeEach(() => {
  charts.length = 0;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('InvitationCharts', () => {
  it('gives each chart a heading, a summary as its canvas\'s name, and a table behind "Show as a table"', async () => {
    renderCharts();
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['From sent to accepted', 'Causes week by week', 'Domains with the most failures']);
    const images = screen.getAllByRole('img');
    expect(images).toHaveLength(3);
    for (const image of images) expect(screen.getByText(image.getAttribute('aria-label') ?? '—', { selector: 'p' })).toBeTruthy();
    const toggles = screen.getAllByText('Show as a table', { selector: 'summary' });
    expect(toggles).toHaveLength(3);
    // Keyboard: a native <summary> is in the tab order (browsers open it on Enter or Space; jsdom
    // implements only the click, so the opening is checked with one).
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(toggles[0]);
    await user.click(toggles[0] as HTMLElement);
    expect(toggles[0]?.closest('details')?.open).toBe(true);
  });

  it('shows in the funnel\'s sentence and table the numbers invitationFunnel counts', async () => {
    renderCharts();
    const { counts, notSent } = invitationFunnel(rows, evidence);
    expect(counts).toEqual({ sent: 5, delivered: 3, opened: 2, accepted: 1 });
    expect(screen.getByText(`Of ${counts.sent} invitations sent, ${counts.delivered} were reported delivered, ${counts.opened} were opened by a person and ${counts.accepted} were accepted.`)).toBeTruthy();
    expect((await tableRows(/furthest step/)).slice(0, 4)).toEqual([
      ['Sent', String(counts.sent), '100%'],
      ['Delivered', String(counts.delivered), '60%'],
      ['Opened by a person', String(counts.opened), '40%'],
      ['Accepted', String(counts.accepted), '20%'],
    ]);
    expect(screen.getByText(`${notSent} invitation never left and is not counted above.`)).toBeTruthy();
    expect(charts[0]?.config.data.datasets[0]?.data).toEqual([counts.sent, counts.delivered, counts.opened, counts.accepted]);
  });

  it('shows per week and cause the numbers causesOverTime counts', async () => {
    renderCharts();
    const causes = causesOverTime(rows, now, 60);
    const table = await tableRows(/per week over the last 60 days/);
    expect(table).toHaveLength(causes.weeks.length);
    table.forEach((cells, index) => {
      const week = causes.weeks[index];
      expect(cells.slice(1)).toEqual([...causes.causes.map((cause) => String(week?.counts[cause] ?? 0)), String(week?.total)]);
    });
    expect(screen.getByText(`${causes.total} invitations were sent in the last 60 days; the most common outcome is “Bounced” (2).`)).toBeTruthy();
    const stacked = charts[1]?.config.data.datasets ?? [];
    expect(stacked.map((dataset) => dataset.data.reduce((sum, value) => sum + value, 0))).toEqual(causes.causes.map((cause) => causes.weeks.reduce((sum, week) => sum + (week.counts[cause] ?? 0), 0)));
    expect(new Set(stacked.map((dataset) => dataset.backgroundColor)).size).toBe(stacked.length);
  });

  it('shows the failing domains failingDomains ranks', async () => {
    renderCharts();
    const domains = failingDomains(rows);
    expect(await tableRows(/domains with the most failed/)).toEqual(domains.map((entry) => [entry.domain, String(entry.failures), String(entry.invitations), invitationCharts.invitationCharts.causeNames[entry.topCause]]));
    expect(screen.getByText(`big.example has the most failed invitations: ${domains[0]?.failures} of ${domains[0]?.invitations}.`)).toBeTruthy();
  });

  it('draws without animation when reduced motion is asked for, and with it otherwise', () => {
    stubMatchMedia(['(prefers-reduced-motion: reduce)']);
    const first = renderCharts();
    expect(charts.map((chart) => chart.config.options.animation)).toEqual([false, false, false]);
    first.unmount();
    charts.length = 0;
    stubMatchMedia([]);
    renderCharts();
    expect(charts.every((chart) => chart.config.options.animation !== false)).toBe(true);
  });

  it('draws again when the theme changes and destroys every chart on unmount', async () => {
    const view = renderCharts();
    expect(charts).toHaveLength(3);
    view.container.querySelector('.id-theme')?.setAttribute('data-theme', 'dark');
    await waitFor(() => expect(charts).toHaveLength(6));
    expect(charts.slice(0, 3).every((chart) => chart.destroyed)).toBe(true);
    view.unmount();
    expect(charts.every((chart) => chart.destroyed)).toBe(true);
  });
});
