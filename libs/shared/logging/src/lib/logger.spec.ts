import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  createPinoLogger,
  fieldLogger,
  memoryLogger,
  REDACTED,
  REDACTED_PATHS,
  toPinoLevel,
  wantsPretty,
} from './logger';
import { PinoNestLogger } from './nest-logger';

function collect(): { lines: () => Record<string, unknown>[]; raw: string[]; write: (s: string) => void } {
  const raw: string[] = [];
  return { raw, write: (s) => void raw.push(s), lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the shared pino logger', () => {
  it('writes one JSON object per line: time (ISO), level as a label, service, msg and the fields', () => {
    const out = collect();
    fieldLogger(createPinoLogger({ service: 'sms-worker', level: 'info', destination: out })).info('sms sent', {
      messageId: 'm-1',
      to: '+44********23',
      provider: 'twilio',
      attempt: 1,
    });
    expect(out.raw).toHaveLength(1);
    expect(out.raw[0].endsWith('\n')).toBe(true);
    const [line] = out.lines();
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'sms-worker',
      msg: 'sms sent',
      messageId: 'm-1',
      to: '+44********23',
      provider: 'twilio',
      attempt: 1,
    });
  });

  it('keeps LOG_LEVEL semantics: error, warn, info, debug; Nest aliases; anything else is info', () => {
    expect(
      ['error', 'warn', 'info', 'debug', 'log', 'verbose', 'warning', 'INFO', 'nonsense', undefined].map(toPinoLevel),
    ).toEqual(['error', 'warn', 'info', 'debug', 'info', 'trace', 'warn', 'info', 'info', 'info']);
    const out = collect();
    const logger = fieldLogger(createPinoLogger({ service: 's', level: 'warn', destination: out }));
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(out.lines().map((l) => [l['level'], l['msg']])).toEqual([
      ['warn', 'c'],
      ['error', 'd'],
    ]);
  });

  it('censors every field that may hold a secret, at the top level and one level down', () => {
    const secrets = {
      password: 'hunter2-password',
      newPassword: 'new-hunter2',
      token: 'tok-0123456789abcdef',
      accessToken: 'access-0123',
      code: '482913',
      codes: ['111111', '222222'],
      backupCodes: ['ABCD-EFGH'],
      body: 'Your Twofold code is 482913',
      secret: 'JBSWY3DPEHPK3PXP',
      appSecret: 'app-secret-value',
      authToken: 'twilio-auth-token',
      authorization: 'Bearer abc.def.ghi',
      cookie: 'session=xyz',
      ticket: 'ticket-0123456789',
      otpauthUri: 'otpauth://totp/Twofold:a@b?secret=JBSWY3DPEHPK3PXP',
    };
    const out = collect();
    const logger = createPinoLogger({ service: 'api', level: 'debug', destination: out });
    logger.info({ ...secrets, messageId: 'kept-1' }, 'top level');
    logger.info({ input: secrets, job: { data: { ...secrets } } }, 'one level down');
    logger.info({ req: { headers: { authorization: 'Bearer req-header-token', host: 'kept-host' } } }, 'request');
    logger.info({ headers: { authorization: 'Bearer bare-header-token' } }, 'headers');
    const [top, nested, req, headers] = out.lines();
    for (const key of Object.keys(secrets)) {
      expect([key, top[key]]).toEqual([key, REDACTED]);
      expect([key, (nested['input'] as Record<string, unknown>)[key]]).toEqual([key, REDACTED]);
    }
    expect(top['messageId']).toBe('kept-1');
    expect(req['req']).toEqual({ headers: { authorization: REDACTED, host: 'kept-host' } });
    expect(headers['headers']).toEqual({ authorization: REDACTED });
    // No secret value anywhere in the text, at any depth these paths name.
    const text = out.raw.slice(0, 1).concat(out.raw.slice(2)).join('') + JSON.stringify(nested['input']);
    for (const value of Object.values(secrets).flat()) expect(text).not.toContain(value);
    expect(REDACTED_PATHS).toEqual(
      expect.arrayContaining([
        '*.password',
        '*.token',
        '*.code',
        '*.body',
        '*.secret',
        'authorization',
        'req.headers.authorization',
        '*.ticket',
        '*.otpauthUri',
      ]),
    );
  });

  it("leaves the caller's object as it was, and an Error to pino's serializer", () => {
    const out = collect();
    const fields = {
      input: { password: 'p4ss', email: 'a@b.c' },
      err: Object.assign(new Error('boom'), { code: 'ECONNREFUSED' }),
    };
    createPinoLogger({ service: 'api', level: 'info', destination: out }).info(fields, 'x');
    expect(fields.input.password).toBe('p4ss');
    const [line] = out.lines();
    expect(line['input']).toEqual({ password: REDACTED, email: 'a@b.c' });
    expect(line['err']).toMatchObject({
      type: 'Error',
      message: 'boom',
      stack: expect.stringContaining('Error: boom'),
    });
  });

  it('is pretty only for a developer at a terminal', () => {
    expect(wantsPretty({ NODE_ENV: 'development' }, true)).toBe(true);
    expect(wantsPretty({ NODE_ENV: 'development' }, false)).toBe(false);
    expect(wantsPretty({ NODE_ENV: 'development', CI: 'true' }, true)).toBe(false);
    expect(wantsPretty({ NODE_ENV: 'test' }, true)).toBe(false);
    expect(wantsPretty({ NODE_ENV: 'production' }, true)).toBe(false);
    expect(wantsPretty({}, true)).toBe(false);
  });

  it('memoryLogger collects JSON lines without their newline', () => {
    const logger = memoryLogger('sms-worker');
    logger.debug('hello', { messageId: 'm-2' });
    expect(JSON.parse(logger.lines[0])).toMatchObject({
      level: 'debug',
      service: 'sms-worker',
      msg: 'hello',
      messageId: 'm-2',
    });
  });

  it('writes what the asynchronous stdout still holds when the process exits at once (crash or process.exit)', () => {
    const logger = join(__dirname, 'logger.ts');
    const script = `
      const { asyncStdout, createPinoLogger, fieldLogger } = require(${JSON.stringify(logger)});
      const log = fieldLogger(createPinoLogger({ service: 'sms-worker', level: 'info', destination: asyncStdout() }));
      for (let i = 0; i < 2000; i++) log.info('line ' + i, { messageId: 'm-' + i });
      if (process.argv[1] === 'throw') { setImmediate(() => { log.error('crashing', { reason: 'boom' }); throw new Error('boom'); }); }
      else { log.error('exiting', { reason: 'exit' }); process.exit(3); }
    `;
    for (const mode of ['exit', 'throw']) {
      const child = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script, mode], {
        cwd: join(__dirname, '../../../../..'),
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'production', SWC_NODE_PROJECT: join(__dirname, '../../tsconfig.json') },
        maxBuffer: 64 * 1024 * 1024,
      });
      const lines = child.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect([mode, lines.length]).toEqual([mode, 2001]);
      expect(lines[1999]).toMatchObject({ msg: 'line 1999', messageId: 'm-1999' });
      expect(lines[2000]).toMatchObject({ level: 'error', reason: mode === 'exit' ? 'exit' : 'boom' });
      expect(child.status).toBe(mode === 'exit' ? 3 : 1);
    }
  });
});

describe('PinoNestLogger (the API)', () => {
  function nest(level: string) {
    const out = collect();
    const err = collect();
    return { out, err, logger: new PinoNestLogger({ service: 'api', level, stdout: out, stderr: err }) };
  }

  it('writes level, service, context and msg; errors with their stack on the error stream', () => {
    const { out, err, logger } = nest('info');
    logger.log('hello', 'Boot');
    logger.error('failed', 'Error: failed\n    at somewhere (x.ts:1:1)', 'GraphQL');
    expect(out.lines()).toEqual([
      { level: 'info', time: expect.any(String), service: 'api', context: 'Boot', msg: 'hello' },
    ]);
    expect(err.lines()).toEqual([
      {
        level: 'error',
        time: expect.any(String),
        service: 'api',
        context: 'GraphQL',
        msg: 'failed',
        stack: expect.stringContaining('    at somewhere'),
      },
    ]);
  });

  it('drops levels below LOG_LEVEL', () => {
    const { out, logger } = nest('warn');
    logger.log('quiet');
    logger.debug('quieter');
    logger.verbose('quietest');
    logger.warn('loud');
    expect(out.lines().map((l) => l['msg'])).toEqual(['loud']);
  });

  it('puts the fields of a structured message into the line: the request id of a line about a request', () => {
    const { out, logger } = nest('info');
    logger.warn({ msg: 'blocked', requestId: 'lb-12345678', token: 'never-this' }, 'Guard');
    const [line] = out.lines();
    expect(line).toMatchObject({
      level: 'warn',
      context: 'Guard',
      msg: 'blocked',
      requestId: 'lb-12345678',
      token: REDACTED,
    });
    expect(out.raw.join('')).not.toContain('never-this');
  });

  it('logs an Error by its message and anything else as JSON', () => {
    const { out, logger } = nest('debug');
    logger.log(new Error('kaput'), 'X');
    logger.debug({ a: 1 });
    expect(out.lines().map((l) => l['msg'])).toEqual(['kaput', '{"a":1}']);
  });
});
