import { describe, expect, it } from 'vitest';
import { createBarConfig, type BarChartSpec } from '../../../../src/app/invitations/charts/BarChart.tsx';
import type { ChartTheme } from '../../../../src/app/invitations/charts/readChartTheme.ts';

const theme: ChartTheme = {
  text: '#111',
  muted: '#666',
  grid: '#ddd',
  surface: '#fff',
  palette: { accent: '#00f', danger: '#f00', warning: '#fa0', success: '#0a0', text: '#111', muted: '#666', borderStrong: '#333' },
};

const spec = (horizontal: boolean): BarChartSpec => ({ labels: ['a', 'b'], datasets: [{ label: 'n', data: [1, 2], color: 'accent' }], horizontal, legend: true });

describe('a bar chart right to left', () => {
  it('starts its axes at the right and lays its legend and tooltips out right to left in Arabic', () => {
    for (const horizontal of [true, false]) {
      const { options } = createBarConfig(spec(horizontal), theme, true, true);
      expect(options?.scales?.x).toMatchObject({ reverse: true });
      expect(options?.scales?.y).toMatchObject({ position: 'right' });
      expect(options?.plugins?.legend).toMatchObject({ rtl: true });
      expect(options?.plugins?.tooltip).toMatchObject({ rtl: true });
    }
  });

  it('stays as it was left to right', () => {
    const { options } = createBarConfig(spec(true), theme, true, false);
    expect(options?.scales?.x).not.toHaveProperty('reverse');
    expect(options?.scales?.y).not.toHaveProperty('position');
    expect(options?.plugins?.legend).toMatchObject({ rtl: false });
  });
});
