/**
 * The caller's context is read from the environment without loading wx-server-sdk. It must say
 * exactly what the SDK's own `getWXContext()` says, on every environment the cloud (or the local
 * gateway) can set: here both read the same `process.env`, case by case.
 */
import { spawnSync } from 'child_process';
import path from 'path';
import { callerFromContext, getCaller, readWxContext } from '../../server/wxCloud';

const sdk = require('wx-server-sdk') as { getWXContext(): Record<string, unknown> };

/** Variables either reader looks at; each case sets some of them, the rest are removed. */
const VARIABLES = [
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'WX_SOURCE',
  'WX_API_TOKEN',
  'WX_TRIGGER_API_TOKEN_V0',
  'API_TOKEN',
  'WX_',
  'WX_UIN',
  'WX_NEGATIVE',
  'PLAIN_KEY',
  'TCB_ENV',
  'SCF_NAMESPACE',
  'TCB_SOURCE',
];

const CASES: Record<string, Record<string, string>> = {
  'no WX_CONTEXT_KEYS (even with TCB_SOURCE set)': {
    WX_OPENID: 'oUser',
    TCB_SOURCE: 'wx_client',
    TCB_ENV: 'prod-1',
  },
  'empty WX_CONTEXT_KEYS': { WX_CONTEXT_KEYS: '', WX_OPENID: 'oUser' },
  'a mini-program call in the WeChat cloud': {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6',
    WX_OPENID: 'oAbC-123_xyz',
    WX_APPID: 'wx1234567890abcdef',
    WX_UNIONID: 'uUnion',
    WX_CLIENTIP: '10.0.0.1',
    WX_CLIENTIPV6: '::ffff:10.0.0.1',
    TCB_ENV: 'prod-1a2b',
    TCB_SOURCE: 'wx_client',
  },
  'the local H5 gateway': {
    WX_CONTEXT_KEYS: 'WX_OPENID',
    WX_OPENID: 'oLocalUser1',
    TCB_SOURCE: 'local_h5_gateway',
  },
  'a timer trigger (no OPENID)': {
    WX_CONTEXT_KEYS: 'WX_APPID',
    WX_APPID: 'wx1234567890abcdef',
    SCF_NAMESPACE: 'prod-1a2b',
    TCB_SOURCE: 'wx_trigger',
  },
  'blacklisted tokens are never exposed': {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_API_TOKEN,WX_TRIGGER_API_TOKEN_V0,API_TOKEN',
    WX_OPENID: 'oUser',
    WX_API_TOKEN: 'secret-1',
    WX_TRIGGER_API_TOKEN_V0: 'secret-2',
    API_TOKEN: 'secret-3',
  },
  'empty entries, listed but unset keys, a bare WX_ and a key without the prefix': {
    WX_CONTEXT_KEYS: ',WX_OPENID,,WX_UNIONID,WX_,PLAIN_KEY,',
    WX_OPENID: 'oUser',
    WX_: 'bare',
    PLAIN_KEY: 'plain',
  },
  'integer-looking values become numbers (an all-digit OPENID is no OPENID)': {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_UIN,WX_NEGATIVE,WX_APPID',
    WX_OPENID: '123456',
    WX_UIN: '0042',
    WX_NEGATIVE: '-17',
    WX_APPID: '1.5',
  },
  'TCB_SOURCE wins over a WX_SOURCE key; TCB_ENV over SCF_NAMESPACE': {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_SOURCE',
    WX_OPENID: 'oUser',
    WX_SOURCE: 'from-keys',
    TCB_SOURCE: 'wx_client',
    TCB_ENV: 'tcb-env',
    SCF_NAMESPACE: 'scf-ns',
  },
  'an empty TCB_SOURCE and an empty OPENID': {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_SOURCE',
    WX_OPENID: '',
    WX_SOURCE: 'from-keys',
    TCB_SOURCE: '',
  },
  'keys are not trimmed': {
    WX_CONTEXT_KEYS: 'WX_APPID, WX_OPENID',
    WX_OPENID: 'oUser',
    WX_APPID: 'wx1234567890abcdef',
  },
};

describe('reading the caller without wx-server-sdk', () => {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it.each(Object.entries(CASES))('matches getWXContext(): %s', (_name, variables) => {
    for (const name of VARIABLES) delete process.env[name];
    Object.assign(process.env, variables);

    const expected = sdk.getWXContext();
    const actual = readWxContext();
    // Same keys (ENV is present even when undefined), same values, same types.
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    expect(actual).toStrictEqual(expected);
    expect(getCaller()).toStrictEqual(callerFromContext(expected as never));
  });

  it('reads the caller of each call, not of the first one', () => {
    for (const name of VARIABLES) delete process.env[name];
    expect(getCaller().openid).toBeNull();
    Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'oFirst' });
    expect(getCaller().openid).toBe('oFirst');
    process.env.WX_OPENID = 'oSecond';
    process.env.TCB_SOURCE = 'local_h5_gateway';
    expect(getCaller()).toEqual({ openid: 'oSecond', source: 'local_h5_gateway' });
  });

  it('never exposes the API tokens, whatever the keys say', () => {
    const context = readWxContext({
      WX_CONTEXT_KEYS: 'WX_API_TOKEN,API_TOKEN,WX_TRIGGER_API_TOKEN_V0,TRIGGER_API_TOKEN_V0',
      WX_API_TOKEN: 'secret',
      API_TOKEN: 'secret',
      WX_TRIGGER_API_TOKEN_V0: 'secret',
      TRIGGER_API_TOKEN_V0: 'secret',
    });
    expect(JSON.stringify(context)).not.toContain('secret');
  });
});

describe('a call that needs no cloud database', () => {
  it('does not load wx-server-sdk (the built bundle, in a fresh process)', () => {
    const bundle = path.resolve(__dirname, '../../cloudfunctions/getUserVerifyStatus/index.js');
    // No ESS configuration: the call reads the caller, then answers CONFIG_ERROR.
    const script = `require(${JSON.stringify(bundle)}).main({}).then((result) => {
      const loaded = Object.keys(require.cache).some((file) => file.includes('wx-server-sdk'));
      process.stdout.write(JSON.stringify({ code: result.code, loaded }));
    })`;
    const run = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        WX_CONTEXT_KEYS: 'WX_OPENID',
        WX_OPENID: 'oNoSdk',
        LOG_LEVEL: 'silent',
      },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ code: 'CONFIG_ERROR', loaded: false });
  });
});
