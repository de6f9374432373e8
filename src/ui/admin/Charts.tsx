/**
 * Small bar charts drawn as SVG for the admin's reports: no library, a viewBox that scales
 * to the page, and a name that says what they show. The numbers are in the tables beside
 * them; a chart is for seeing the shape.
 */

export type Series = { label: string; values: readonly (number | null)[]; class: string };

/**
 * Bars of one or more series over `labels` (side by side within a label), with the
 * largest value marked on the axis. `name` describes the chart for assistive technology.
 */
export function BarChart(props: {
  name: string;
  labels: readonly string[];
  series: readonly Series[];
  unit?: string;
}) {
  const { labels, series } = props;
  const width = 720;
  const height = 260;
  const left = 52;
  const bottom = 32;
  const top = 12;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const slot = (width - left) / Math.max(1, labels.length);
  const bar = Math.max(1, (slot * 0.8) / series.length);
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  // At most ~8 labels under the axis: every nth.
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <figure class="admin-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.name}>
        <line x1={left} y1={y(0)} x2={width} y2={y(0)} class="admin-chart-axis" />
        <text x={left - 6} y={y(max) + 4} text-anchor="end" class="admin-chart-tick">
          {max.toLocaleString('id-ID')}
          {props.unit ?? ''}
        </text>
        <text x={left - 6} y={y(0) + 4} text-anchor="end" class="admin-chart-tick">
          0
        </text>
        {labels.map((label, i) =>
          series.map((s, j) => {
            const value = s.values[i] ?? null;
            if (value === null) return null;
            const x = left + i * slot + slot * 0.1 + j * bar;
            return (
              <rect
                key={`${label}-${s.label}`}
                x={x}
                y={y(value)}
                width={bar}
                height={Math.max(0, y(0) - y(value))}
                class={s.class}
              />
            );
          }),
        )}
        {labels.map((label, i) =>
          i % every === 0 ? (
            <text
              key={label}
              x={left + i * slot + slot / 2}
              y={height - 8}
              text-anchor="middle"
              class="admin-chart-tick"
            >
              {label}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>
        {series.map((s) => (
          <span key={s.label} class="admin-chart-key">
            <span class={`admin-chart-swatch ${s.class}`} aria-hidden="true" /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
