type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** A monotonically increasing count, split by labels. */
export class Counter {
  private readonly values = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [labels, value] of this.values) lines.push(`${this.name}${labels} ${value}`);
    return lines.join('\n');
  }
}

/** A histogram with fixed buckets (seconds), split by labels. */
export class Histogram {
  private readonly series = new Map<
    string,
    { labels: Labels; counts: number[]; sum: number; count: number }
  >();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  ) {}

  observe(value: number, labels: Labels = {}): void {
    const key = labelText(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    this.buckets.forEach((b, i) => {
      if (value <= b) s.counts[i] = (s.counts[i] ?? 0) + 1;
    });
    s.sum += value;
    s.count++;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) => {
        lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`);
      });
      lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`);
      lines.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

/**
 * The server's instruments, rendered in the Prometheus text format (version 0.0.4) by `/metrics`.
 *
 * @example
 * const metrics = new Metrics();
 * metrics.upstreamCalls.inc({ method: 'GET', status: '200' });
 * metrics.render();
 */
export class Metrics {
  readonly requests = new Counter(
    'harvest_connect_requests_total',
    'Data API requests answered, by route and status.',
  );
  readonly requestSeconds = new Histogram('harvest_connect_request_seconds', 'Data API request duration.');
  readonly upstreamCalls = new Counter(
    'harvest_connect_upstream_calls_total',
    'Calls sent to Harvest, by method and status.',
  );
  readonly upstreamSeconds = new Histogram(
    'harvest_connect_upstream_seconds',
    'Duration of calls to Harvest.',
  );
  readonly upstreamRetries = new Counter(
    'harvest_connect_upstream_retries_total',
    'Calls to Harvest retried, by reason.',
  );
  readonly limiterWaitSeconds = new Histogram(
    'harvest_connect_limiter_wait_seconds',
    'Time spent waiting for a rate-limit slot.',
  );
  readonly limiterShed = new Counter(
    'harvest_connect_limiter_shed_total',
    'Callers refused by the limiter, by code.',
  );
  readonly rateLimited = new Counter(
    'harvest_connect_upstream_429_total',
    '429 answers from Harvest, by Retry-After form.',
  );
  readonly refreshes = new Counter(
    'harvest_connect_token_refreshes_total',
    'Forced token refreshes after a 401.',
  );
  private readonly gauges: Array<() => string> = [];

  /** Adds a gauge read at scrape time (queue depth, in-flight calls). */
  gauge(name: string, help: string, read: () => number): void {
    this.gauges.push(() => `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${read()}`);
  }

  render(): string {
    const all = [
      this.requests,
      this.requestSeconds,
      this.upstreamCalls,
      this.upstreamSeconds,
      this.upstreamRetries,
      this.limiterWaitSeconds,
      this.limiterShed,
      this.rateLimited,
      this.refreshes,
    ];
    return `${[...all.map((m) => m.render()), ...this.gauges.map((g) => g())].join('\n')}\n`;
  }
}
