"""Driver of run.sh: stack up, raw argon2 baseline, logins/s, enumeration medians, stack down."""
import json, os, statistics, subprocess, sys, threading, time, urllib.error, urllib.request, uuid

SECS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
API = 'http://127.0.0.1:8080/api/v2/account'
CONFIG = 'config/local/account.yml'

def call(path, body, headers=None):
    req = urllib.request.Request(API + path, data=json.dumps(body).encode(), method='POST',
                                 headers=dict({'Content-Type': 'application/json'}, **(headers or {})))
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

def healthy():
    try:
        with urllib.request.urlopen('http://127.0.0.1:8180/healthcheck', timeout=3) as r:
            return r.status == 200
    except Exception:
        return False

def up():
    if healthy():
        return None
    log = open(os.environ.get('TMPDIR', '/tmp') + '/gau-bench-account-up.log', 'w')
    p = subprocess.Popen(['ops/gau', 'up'], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(200):
        if all(urllib_ok(port) for port in (8180, 8181)) and healthy():
            return p
        time.sleep(3)
    raise SystemExit('stack did not become healthy')

def urllib_ok(port):
    try:
        with urllib.request.urlopen('http://127.0.0.1:%d/healthcheck' % port, timeout=3) as r:
            return r.status == 200
    except Exception:
        return False

def raw_argon2():
    out = subprocess.run(['java', '-jar', 'gau-account/target/gau-account.jar', 'argon2-bench', '--seconds', str(SECS), CONFIG],
                         capture_output=True, text=True).stdout
    line = [l for l in out.splitlines() if 'verifications/s' in l][-1]
    return float(line.split(':')[-1].split()[0]), line

def logins_per_second(email, pw, threads):
    done, stop = [0], time.time() + SECS
    lock = threading.Lock()
    def worker():
        dev = {'X-Device-ID': 'bench-' + uuid.uuid4().hex[:8]}
        while time.time() < stop:
            s, _ = call('/basic/login', {'email': email, 'password': pw}, dev)
            if s == 200:
                with lock:
                    done[0] += 1
    ts = [threading.Thread(target=worker) for _ in range(threads)]
    [t.start() for t in ts]; [t.join() for t in ts]
    return done[0] / SECS

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
    raw, line = raw_argon2()
    cap = int(line.split('threads=')[1].split(':')[0])
    http = logins_per_second(email, pw, threads=cap * 2)
    print(line)
    print('logins through HTTP: %.1f logins/s (%d client threads)' % (http, cap * 2))
    print('ratio logins/raw = %.2f (target >= 0.85)' % (http / raw))
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
