import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { parse as parseYaml } from 'yaml';
import { SMS_PROVIDERS } from '@twofold/config';
import { ERROR_CODES } from '@twofold/error-codes';
import { SMS_DELIVERY_STATUSES, SMS_PURPOSES } from '@twofold/sms-queue';

/**
 * The operators' pack (Grafana dashboard, Prometheus alerts) against the code: every metric a
 * query names is registered by apps/api or apps/sms-worker (read from their sources), with the
 * labels it filters or groups on, and the label values it compares with are ones the code emits.
 */
const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

// ---- what the code registers ------------------------------------------------------------

interface MetricDef {
  type: string;
  labels: Set<string>;
  from: string;
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return name === 'test' ? [] : sources(path);
    return /\.ts$/.test(name) && !/[.-]spec\.ts$/.test(name) ? [path] : [];
  });
}

const appSources = [...sources('apps/api/src'), ...sources('apps/sms-worker/src')].map((path) => ({
  path,
  text: read(path),
}));
const metrics = new Map<string, MetricDef>();
const defaultLabelNames = new Set<string>();
const defaultLabelValues: Record<string, Set<string>> = {};

for (const { path, text } of appSources) {
  for (const m of text.matchAll(/new (Counter|Gauge|Histogram|Summary)\b[^(]*\(\{([\s\S]*?)registers:/g)) {
    const name = /name: '([^']+)'/.exec(m[2])?.[1];
    if (!name) continue;
    const labels = /labelNames: \[([^\]]*)\]/.exec(m[2])?.[1] ?? '';
    const def = metrics.get(name) ?? { type: m[1].toLowerCase(), labels: new Set<string>(), from: path };
    for (const l of labels.matchAll(/'([^']+)'/g)) def.labels.add(l[1]);
    metrics.set(name, def);
  }
  for (const m of text.matchAll(/setDefaultLabels\(\{([^}]*)\}\)/g)) {
    for (const l of m[1].matchAll(/(\w+): '([^']+)'/g)) {
      defaultLabelNames.add(l[1]);
      (defaultLabelValues[l[1]] ??= new Set()).add(l[2]);
    }
  }
  for (const m of text.matchAll(/collectDefaultMetrics\(\{[^}]*prefix: '([^']+)'/g)) {
    // The exact set prom-client registers with that prefix.
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: m[1] });
    for (const metric of registry.getMetricsAsArray()) {
      const { name, type, labelNames } = metric as unknown as { name: string; type: string; labelNames: string[] };
      metrics.set(name, { type, labels: new Set(labelNames), from: `${path} (collectDefaultMetrics)` });
    }
  }
}

const sourceText = (pattern: RegExp, what: string): string => {
  for (const { text } of appSources) {
    const m = pattern.exec(text);
    if (m) return m[1];
  }
  throw new Error(`${what} not found in apps/api/src or apps/sms-worker/src: has it moved?`);
};
const quoted = (text: string) => [...text.matchAll(/'([^']+)'/g)].map((m) => m[1]);

const scrapeConfig = parseYaml(read('ops/prometheus/prometheus.example.yml'));
/** Label values the code (or the example scrape config) produces, per metric and label. */
const KNOWN_VALUES: Record<string, Record<string, string[]>> = {
  twofold_auth_operations_total: {
    operation: quoted(sourceText(/AUTH_FIELDS = new Set\(\[([^\]]+)\]\)/, 'the AUTH_FIELDS of the metrics plugin')),
    outcome: ['ok', 'error', ...ERROR_CODES],
  },
  twofold_sms_sends_total: {
    outcome: quoted(sourceText(/export type SendOutcome = ([^;]+);/, 'the SendOutcome type of the worker metrics')),
    provider: ['none', ...SMS_PROVIDERS],
  },
  twofold_sms_messages_last_hour: {
    status: [...SMS_DELIVERY_STATUSES],
    purpose: [...SMS_PURPOSES],
    provider: ['none', ...SMS_PROVIDERS],
  },
  twofold_sms_queue_jobs: { state: quoted(sourceText(/getJobCounts\(([^)]*)\)/, 'the getJobCounts states')) },
  up: { job: scrapeConfig.scrape_configs.map((c: { job_name: string }) => c.job_name) },
};
/** Prometheus' own series and the labels every scraped series carries. */
const PROMETHEUS_METRICS = new Map([['up', new Set(['job', 'instance'])]]);
const TARGET_LABELS = new Set(['job', 'instance']);

// ---- what the dashboard and the rules query ---------------------------------------------

interface Query {
  where: string;
  expr: string;
}

const dashboard = JSON.parse(read('ops/grafana/twofold-dashboard.json'));
const allPanels = (list: any[]): any[] => list.flatMap((p) => [p, ...allPanels(p.panels ?? [])]);
const panels = allPanels(dashboard.panels);
const dashboardQueries: Query[] = panels.flatMap((p) =>
  (p.targets ?? []).map((t: any) => ({ where: `dashboard panel "${p.title}" ${t.refId}`, expr: t.expr as string })),
);
const rulesYaml = read('ops/prometheus/twofold-alerts.yml');
const rules = parseYaml(rulesYaml);
const ruleQueries: Query[] = rules.groups.flatMap((g: any) =>
  g.rules.map((r: any) => ({ where: `alert ${r.alert}`, expr: String(r.expr) })),
);

/** The series a name refers to: a histogram's _bucket/_sum/_count, or the metric itself. */
function resolve(name: string): { metric: string; labels: Set<string> } | undefined {
  if (PROMETHEUS_METRICS.has(name)) return { metric: name, labels: PROMETHEUS_METRICS.get(name)! };
  const direct = metrics.get(name);
  if (direct) return { metric: name, labels: direct.labels };
  const m = /^(.*)_(bucket|sum|count)$/.exec(name);
  const base = m && metrics.get(m[1]);
  if (base && ['histogram', 'summary'].includes(base.type)) {
    return { metric: m[1], labels: new Set([...base.labels, ...(m[2] === 'bucket' ? ['le'] : [])]) };
  }
  return undefined;
}

const FUNCTIONS_AND_KEYWORDS = new Set(
  'sum avg min max count rate irate increase delta changes absent histogram_quantile clamp_min clamp_max by without on ignoring and or unless offset bool vector scalar time topk bottomk group'.split(
    ' ',
  ),
);

/** Problems of one query: unknown metrics, labels they do not have, values the code never emits. */
function problems(q: Query): string[] {
  const out: string[] = [];
  const expr = q.expr.replace(/\$__rate_interval|\$__interval|\$__range/g, '5m');
  const used = new Map<string, Set<string>>();
  // Selectors with matchers: name{label op "value", …}
  for (const m of expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}/g)) {
    const series = resolve(m[1]);
    if (!series) {
      out.push(`${q.where}: ${m[1]} is not a metric the code registers`);
      continue;
    }
    used.set(series.metric, series.labels);
    for (const matcher of m[2].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"([^"]*)"/g)) {
      const [, label, , value] = matcher;
      const allowed = new Set([...series.labels, ...defaultLabelNames, ...TARGET_LABELS]);
      if (!allowed.has(label))
        out.push(`${q.where}: ${series.metric} has no label ${label} (it has ${[...series.labels].join(', ')})`);
      const known =
        KNOWN_VALUES[series.metric]?.[label] ??
        (defaultLabelValues[label] ? [...defaultLabelValues[label]] : undefined);
      if (!known) continue;
      for (const alternative of value.split('|')) {
        if (/^[A-Za-z0-9_-]+$/.test(alternative) && !known.includes(alternative)) {
          out.push(
            `${q.where}: ${series.metric}{${label}} is never "${alternative}" (the code emits ${known.join(', ')})`,
          );
        }
      }
    }
  }
  // Bare names (no matchers): strip strings and matchers, then every identifier that is not a
  // function, keyword, duration or grouping label must be a metric.
  const bare = expr
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(by|without|on|ignoring)\s*\(([^)]*)\)/g, (_all, _kw, labels: string) => {
      for (const l of labels
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean))
        (used.get('__grouping') ?? used.set('__grouping', new Set()).get('__grouping')!).add(l);
      return '';
    })
    .replace(/\[[^\]]*\]/g, '');
  for (const m of bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b/g)) {
    const name = m[1];
    if (FUNCTIONS_AND_KEYWORDS.has(name) || /^\d/.test(name)) continue;
    const series = resolve(name);
    if (!series) out.push(`${q.where}: ${name} is not a metric the code registers`);
    else used.set(series.metric, series.labels);
  }
  const groupings = used.get('__grouping') ?? new Set<string>();
  used.delete('__grouping');
  const available = new Set([...defaultLabelNames, ...TARGET_LABELS, ...[...used.values()].flatMap((l) => [...l])]);
  for (const label of groupings)
    if (!available.has(label)) out.push(`${q.where}: groups by ${label}, which none of its metrics has`);
  if (used.size === 0 && out.length === 0) out.push(`${q.where}: names no metric`);
  return [...new Set(out)];
}

describe('the code registers', () => {
  it('the metrics the pack is built on (sources found where expected)', () => {
    for (const name of [
      'twofold_auth_operations_total',
      'twofold_graphql_request_duration_seconds',
      'twofold_sms_messages_last_hour',
      'twofold_sms_queue_jobs',
      'twofold_sms_sends_total',
      'twofold_sms_provider_request_seconds',
      'twofold_sms_accepted_to_sent_seconds',
      'twofold_api_process_resident_memory_bytes',
      'twofold_worker_process_resident_memory_bytes',
    ]) {
      expect(metrics.has(name)).toBe(true);
    }
    expect(metrics.get('twofold_auth_operations_total')?.labels).toEqual(new Set(['operation', 'outcome']));
    expect(KNOWN_VALUES['twofold_auth_operations_total'].operation).toContain('completeLoginWithSms');
    expect(KNOWN_VALUES['twofold_sms_sends_total'].outcome).toEqual(['sent', 'failed', 'retry', 'expired', 'skipped', 'refused', 'waiting']);
  });
});

describe('the Grafana dashboard', () => {
  it('is a dashboard with a datasource variable, unique panel ids and a query on every panel', () => {
    expect(dashboard).toMatchObject({ uid: 'twofold-overview', title: 'Twofold', schemaVersion: expect.any(Number) });
    expect(dashboard.templating.list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
      ]),
    );
    const ids = panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of panels.filter((p) => p.type !== 'row')) {
      expect({ title: p.title, datasource: p.datasource }).toEqual({
        title: p.title,
        datasource: { type: 'prometheus', uid: '${datasource}' },
      });
      expect(p.targets.length).toBeGreaterThan(0);
      expect(p.gridPos).toEqual({
        h: expect.any(Number),
        w: expect.any(Number),
        x: expect.any(Number),
        y: expect.any(Number),
      });
      expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
    }
  });

  it('covers what operators asked for', () => {
    const all = dashboardQueries.map((q) => q.expr).join('\n');
    for (const needle of [
      'RATE_LIMITED',
      'completeLoginWithSms',
      'twofold_sms_sends_total',
      'twofold_sms_queue_jobs',
      'twofold_sms_accepted_to_sent_seconds_bucket',
      'twofold_sms_codes_last_hour',
      'twofold_sms_receipt_latency_seconds',
      'resident_memory_bytes',
      'twofold_graphql_request_duration_seconds_bucket',
    ]) {
      expect(all).toContain(needle);
    }
  });

  it.each(dashboardQueries.map((q) => [q.where, q] as const))('%s queries only what the code exports', (_where, q) => {
    expect(problems(q)).toEqual([]);
  });
});

describe('the Prometheus alert rules', () => {
  it('are groups of alerts with a duration, a severity, a summary and a description', () => {
    expect(rules.groups.length).toBeGreaterThan(0);
    const names: string[] = [];
    for (const group of rules.groups) {
      expect(group).toEqual({ name: expect.stringMatching(/^twofold-/), rules: expect.any(Array) });
      for (const rule of group.rules) {
        names.push(rule.alert);
        expect(Object.keys(rule).sort()).toEqual(expect.arrayContaining(['alert', 'annotations', 'expr', 'labels']));
        expect(rule.alert).toMatch(/^Twofold[A-Z][A-Za-z]+$/);
        if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
        expect(['warning', 'critical']).toContain(rule.labels.severity);
        expect(rule.annotations.summary).toEqual(expect.any(String));
        expect(rule.annotations.description.length).toBeGreaterThan(40);
      }
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(ruleQueries.map((q) => [q.where, q] as const))('%s queries only what the code exports', (_where, q) => {
    expect(problems(q)).toEqual([]);
  });

  it('catches a typo (the checker itself works)', () => {
    expect(problems({ where: 'probe', expr: 'sum(rate(twofold_sms_send_total{outcome="failed"}[5m]))' })).toEqual([
      'probe: twofold_sms_send_total is not a metric the code registers',
    ]);
    expect(
      problems({
        where: 'probe',
        expr: 'sum by (state) (twofold_sms_sends_total{outcome="faild", provider=~"twilio|sinch"})',
      }),
    ).toEqual([
      'probe: twofold_sms_sends_total{outcome} is never "faild" (the code emits sent, failed, retry, expired, skipped, refused, waiting)',
      expect.stringMatching(/^probe: twofold_sms_sends_total\{provider\} is never "sinch"/),
      'probe: groups by state, which none of its metrics has',
    ]);
    expect(
      problems({
        where: 'probe',
        expr: 'histogram_quantile(0.95, sum by (le) (rate(twofold_sms_accepted_to_sent_seconds_bucket[5m])))',
      }),
    ).toEqual([]);
  });
});

const promtool = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' }).stdout.trim();
(promtool ? describe : describe.skip)('promtool (Debian package prometheus, when installed)', () => {
  const run = (...args: string[]) => spawnSync(promtool, args, { cwd: join(root, 'ops/prometheus'), encoding: 'utf8' });

  it('check rules', () => {
    const r = run('check', 'rules', 'twofold-alerts.yml');
    expect({ status: r.status, out: r.stdout + r.stderr }).toEqual({
      status: 0,
      out: expect.stringContaining('SUCCESS'),
    });
  });

  it('test rules: each alert fires on its series', () => {
    const r = run('test', 'rules', 'twofold-alerts.test.yml');
    expect({ status: r.status, out: r.stdout + r.stderr }).toEqual({
      status: 0,
      out: expect.stringContaining('SUCCESS'),
    });
  });

  it('check config of the example scrape configuration', () => {
    const r = run('check', 'config', 'prometheus.example.yml');
    expect({ status: r.status, out: r.stdout + r.stderr }).toEqual({
      status: 0,
      out: expect.stringContaining('SUCCESS'),
    });
  });

  it("parses every dashboard query (as recording rules, Grafana's $__rate_interval as 5m)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'twofold-dashboard-rules-'));
    try {
      const file = join(dir, 'dashboard.rules.yml');
      const recording = dashboardQueries.map((q, i) => ({
        record: `twofold_dashboard:query_${i}`,
        expr: q.expr.replace(/\$__rate_interval/g, '5m'),
      }));
      writeFileSync(file, JSON.stringify({ groups: [{ name: 'dashboard', rules: recording }] }));
      const r = spawnSync(promtool, ['check', 'rules', file], { encoding: 'utf8' });
      expect({ status: r.status, out: r.stdout + r.stderr }).toEqual({
        status: 0,
        out: expect.stringContaining(`SUCCESS: ${recording.length} rules found`),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
