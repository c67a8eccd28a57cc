"""Driver of run.sh: stack up, raw argon2 baseline, logins/s, CPU per login, enumeration medians, stack down.

Load comes from wrk (keep-alive, C): a Python client spent several ms of the same two cores per login.
The raw argon2id baseline runs in a JVM with the account service's own flags, before and after the login
run (the mean is the baseline: this machine's speed drifts), both after a warm-up.
"""
import json, os, statistics, subprocess, sys, tempfile, time, urllib.error, urllib.request, uuid

SECS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
ROUNDS = int(os.environ.get('BENCH_ROUNDS', '5'))
WARMUP = int(os.environ.get('BENCH_WARMUP', '150'))
API = 'http://127.0.0.1:8080/api/v2/account'
CONFIG = 'config/local/account.yml'
HZ = os.sysconf('SC_CLK_TCK')
PROCESSES = ('gau-account.jar', 'gau-authorization.jar', 'gau-email.jar', 'gau-cdn.jar', 'gau-upload.jar',
             'postgres', 'redis-server', 'DevStack', 'wrk')


def call(path, body, headers=None):
    req = urllib.request.Request(API + path, data=json.dumps(body).encode(), method='POST',
                                 headers=dict({'Content-Type': 'application/json'}, **(headers or {})))
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def healthy(port):
    try:
        with urllib.request.urlopen('http://127.0.0.1:%d/healthcheck' % port, timeout=3) as r:
            return r.status == 200
    except Exception:
        return False


def up():
    if healthy(8180):
        return None
    log = open(os.environ.get('TMPDIR', '/tmp') + '/gau-bench-account-up.log', 'w')
    p = subprocess.Popen(['ops/gau', 'up'], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(200):
        if healthy(8180) and healthy(8181):
            return p
        time.sleep(3)
    raise SystemExit('stack did not become healthy')


def account_jvm_flags():
    """The heap/GC flags the running account service was started with (the baseline uses the same)."""
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            args = open('/proc/%s/cmdline' % pid, 'rb').read().split(b'\0')
        except OSError:
            continue
        if b'gau-account/target/gau-account.jar' in args and b'server' in args:
            return [a.decode() for a in args[1:args.index(b'-jar')] if a.startswith(b'-X')]
    return []


def raw_argon2(flags, cpus=None):
    pin = ['taskset', '-c', cpus] if cpus else []
    out = subprocess.run(pin + ['java'] + flags + ['-jar', 'gau-account/target/gau-account.jar', 'argon2-bench',
                          '--warmup', '5', '--seconds', str(SECS), CONFIG], capture_output=True, text=True).stdout
    line = [l for l in out.splitlines() if 'verifications/s' in l][-1]
    return float(line.split(':')[-1].split()[0]), line


def stat_ticks(path):
    """(command name, CPU ticks user + system) from a /proc/<pid>[/task/<tid>]/stat file; None if it is gone."""
    try:
        stat = open(path).read()
    except OSError:
        return None
    fields = stat[stat.rindex(')') + 2:].split()
    return stat[stat.index('(') + 1:stat.rindex(')')], int(fields[11]) + int(fields[12])


def cpu_ticks():
    """CPU ticks (user + system) per process kind."""
    totals = dict.fromkeys(PROCESSES, 0)
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            cmd = open('/proc/%s/cmdline' % pid, 'rb').read().decode(errors='replace')
        except OSError:
            continue
        ticks = stat_ticks('/proc/%s/stat' % pid)
        if ticks is None:
            continue
        for kind in PROCESSES:
            if kind in cmd:
                totals[kind] += ticks[1]
                break
    return totals


def wrk_logins(email, pw, seconds, connections, cpus=None):
    """Successful logins per second under wrk, and CPU milliseconds per login per process kind."""
    pin = ['taskset', '-c', cpus] if cpus else []
    with tempfile.NamedTemporaryFile('w', suffix='.lua', delete=False) as lua:
        lua.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                  'wrk.headers["X-Device-ID"] = "bench-wrk"\n'
                  "wrk.body = '%s'\n" % json.dumps({'email': email, 'password': pw}))
    before = cpu_ticks()
    out = subprocess.run(pin + ['wrk', '-t1', '-c%d' % connections, '-d%ds' % seconds, '-s', lua.name,
                          API + '/basic/login'], capture_output=True, text=True).stdout
    after = cpu_ticks()
    os.unlink(lua.name)
    if 'Non-2xx' in out:
        raise SystemExit('logins failed under load:\n' + out)
    requests = int([l for l in out.splitlines() if 'requests in' in l][0].split()[0])
    per_login = {k: (after[k] - before[k]) * 1000.0 / HZ / max(requests, 1) for k in PROCESSES}
    return requests / seconds, per_login


def compiler_ticks(pid):
    """CPU ticks of the JIT compiler threads of a JVM."""
    threads = (stat_ticks('/proc/%s/task/%s/stat' % (pid, task)) for task in os.listdir('/proc/%s/task' % pid))
    return sum(ticks for name, ticks in filter(None, threads) if 'CompilerThre' in name)


def stack_pids():
    """(account service pid, pids of every other process of the stack)."""
    account, others = None, []
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            cmd = open('/proc/%s/cmdline' % pid, 'rb').read().decode(errors='replace')
        except OSError:
            continue
        if 'gau-account/target/gau-account.jar' in cmd and 'server' in cmd:
            account = pid
        elif any(k in cmd for k in PROCESSES if k != 'wrk'):
            others.append(pid)
    return account, others


def pin(pids, cpus):
    for pid in pids:
        subprocess.run(['taskset', '-a', '-p', '-c', cpus, pid], capture_output=True)


def enumeration(email):
    unknown, wrong = [], []
    dev = {'X-Device-ID': 'bench-enum'}
    for i in range(200):
        for target, who in ((unknown, 'nobody-%s@example.com' % uuid.uuid4().hex[:8]), (wrong, email)):
            t = time.perf_counter()
            s, _ = call('/basic/login', {'email': who, 'password': 'Wrong-Password-%d' % i}, dev)
            target.append((time.perf_counter() - t) * 1000)
            if s != 401:
                raise SystemExit('enumeration probe got %s' % s)
    return statistics.median(unknown), statistics.median(wrong)


proc = up()
try:
    email = 'bench-%s@example.com' % uuid.uuid4().hex[:8]
    pw = 'Bench-Password-' + uuid.uuid4().hex[:6]
    s, b = call('/basic/register', {'email': email, 'password': pw, 'fullname': 'Bench'})
    if s != 200:
        raise SystemExit('register failed: %s %s' % (s, b[:200]))
    flags = account_jvm_flags()
    raw_before, line = raw_argon2(flags)
    cap = int(line.split('threads=')[1].split(':')[0])
    connections = cap * 2  # enough to keep every hash slot busy while the others' responses travel
    # warm-up: C2 compiles a method after thousands of calls, i.e. minutes at ~40 logins/s; until then the
    # compiler threads of every service in the path take several ms per login (warm-up, not the login's cost)
    wrk_logins(email, pw, WARMUP, connections)
    http, per_login = wrk_logins(email, pw, SECS, connections)
    raw_after, _ = raw_argon2(flags)
    raw = (raw_before + raw_after) / 2
    print(line.split(':')[0] + ', JVM flags %s: %.1f verifications/s before, %.1f after the logins, mean %.1f'
          % (' '.join(flags) or '(defaults)', raw_before, raw_after, raw))
    print('logins through HTTP (wrk, %d connections, after a %d s warm-up): %.1f logins/s' % (connections, WARMUP, http))
    print('ratio logins/raw = %.2f (target >= 0.85)' % (http / raw))
    print('CPU per login, by process (ms): ' + ', '.join(
        '%s %.1f' % (k.replace('.jar', ''), v) for k, v in sorted(per_login.items(), key=lambda kv: -kv[1]) if v >= 0.05)
        + '; total %.1f; one raw verification costs %.1f ms of CPU'
        % (sum(per_login.values()), min(cap, os.cpu_count()) * 1000.0 / raw))
    cores = os.cpu_count()
    if cores >= 2:
        # The account service on a core of its own, as a pod with its own CPU in production: everything else
        # (gau-authorization, PostgreSQL, Redis, the other services, wrk) on the other core(s). Raw argon2id
        # runs on the same core 0. This VM's speed drifts by 10-30 % within minutes, so raw and logins
        # alternate in rounds, each round's ratio comes from adjacent measurements, and the median counts.
        account, others = stack_pids()
        rest = '1-%d' % (cores - 1)
        rounds = []
        try:
            pin([account], '0')
            pin(others, rest)
            wrk_logins(email, pw, 30, connections, rest)  # the service is warm; this settles the new placement
            for _ in range(ROUNDS):
                raw_round, _ = raw_argon2(flags, '0')
                jit_before = compiler_ticks(account)
                logins, cpu = wrk_logins(email, pw, SECS, connections, rest)
                jit = (compiler_ticks(account) - jit_before) * 1000.0 / HZ / max(logins * SECS, 1)
                rounds.append((raw_round, logins, cpu['gau-account.jar'], jit))
        finally:
            pin([account] + others, '0-%d' % (cores - 1))
        print('account service on core 0 of its own (the rest of the stack and wrk on %s), after 30 s more warm-up;'
              ' raw argon2id on core 0 in the same rounds:' % rest)
        for n, (raw_round, logins, cpu, jit) in enumerate(rounds, 1):
            print('  round %d: raw %.1f/s (%.1f ms CPU each), logins %.1f/s (account %.1f ms CPU each, of which'
                  ' JIT compiler %.1f) -> ratio %.2f' % (n, raw_round, 1000.0 / raw_round, logins, cpu, jit,
                                                         logins / raw_round))
        print('  median ratio logins/raw on one core: %.2f (target >= 0.85)'
              % statistics.median(logins / raw_round for raw_round, logins, _, _ in rounds))
    lat = []
    for i in range(30):
        t = time.perf_counter()
        call('/basic/login', {'email': email, 'password': pw}, {'X-Device-ID': 'bench-seq'})
        lat.append((time.perf_counter() - t) * 1000)
    print('sequential successful login: median %.1f ms (argon2id verify + token issue by gau-authorization)'
          % statistics.median(lat))
    mu, mw = enumeration(email)
    print('enumeration: median unknown user %.1f ms, wrong password %.1f ms, difference %.2f ms (target < 5 ms)'
          % (mu, mw, abs(mu - mw)))
finally:
    if proc is not None:
        subprocess.run(['ops/gau', 'down'], capture_output=True)
