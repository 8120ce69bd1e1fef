#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# run_nginx.py TEST [ARGS...]: start Debian's nginx on 127.0.0.1 on a free port, with its own
# configuration, prefix and temporary directories (never the system service), serve the
# files the live HTTP tests expect, run TEST with QUARTZ_HTTP_PORT and QUARTZ_HTTP_ROOT set,
# stop nginx and exit with the test's status. nginx's error log is printed if the test fails.
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

FILE_SIZE = 1 << 20


def pattern(n):
    """The bytes of /data/1mib.bin; test_http_live.c computes the same function."""
    out = bytearray(n)
    for i in range(n):
        h = (i * 2654435761) & 0xFFFFFFFF
        out[i] = ((h >> 24) ^ (h >> 13)) & 0xFF
    return bytes(out)


def chunk_lines(first, last):
    return ''.join('chunked line %04d\n' % k for k in range(first, last)).encode()


CONFIG = """
daemon off;
master_process off;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log info;
events {{ worker_connections 64; }}
http {{
    access_log {d}/access.log;
    client_body_temp_path {d}/tmp/body;
    proxy_temp_path {d}/tmp/proxy;
    fastcgi_temp_path {d}/tmp/fastcgi;
    uwsgi_temp_path {d}/tmp/uwsgi;
    scgi_temp_path {d}/tmp/scgi;
    types {{ text/html html; text/plain txt; application/json json; }}
    default_type application/octet-stream;
    keepalive_requests 100000;
    keepalive_timeout 60s;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {d}/www;
        add_header X-Connection $connection always;
        location /upload/ {{
            dav_methods PUT DELETE;
            create_full_put_path on;
            client_max_body_size 4m;
        }}
        location /chunked/ {{
            ssi on;
            ssi_types text/plain;
        }}
    }}
}}
"""


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)


def make_site(d):
    www = os.path.join(d, 'www')
    write(os.path.join(www, 'index.html'), b'<p>Hello from nginx</p>\n')
    write(os.path.join(www, 'data', '1mib.bin'), pattern(FILE_SIZE))
    write(os.path.join(www, 'data.json'),
          b'{"device":{"id":"quartz-01","sensors":[{"t":21.5},{"t":22.25}]},"ok":true}')
    # SSI composes the page from two files: nginx cannot know the length, so it sends the
    # body chunked (HTTP/1.1).
    write(os.path.join(www, 'chunked', 'page.txt'),
          chunk_lines(0, 1000) + b'<!--# include file="part.txt" -->' + chunk_lines(2000, 3000))
    write(os.path.join(www, 'chunked', 'part.txt'), chunk_lines(1000, 2000))
    os.makedirs(os.path.join(www, 'upload'), exist_ok=True)
    for sub in ('body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'):
        os.makedirs(os.path.join(d, 'tmp', sub), exist_ok=True)
    return www


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_listening(port, proc, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            socket.create_connection(('127.0.0.1', port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def start_nginx(nginx, d):
    """Start nginx on a free port (a few tries: the port may be taken between probe and bind)."""
    for _ in range(5):
        port = free_port()
        with open(os.path.join(d, 'nginx.conf'), 'w') as f:
            f.write(CONFIG.format(d=d, port=port))
        proc = subprocess.Popen([nginx, '-e', os.path.join(d, 'error.log'), '-p', d, '-c',
                                 os.path.join(d, 'nginx.conf')],
                                stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        if wait_listening(port, proc):
            return proc, port
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    return None, 0


def show_log(d):
    path = os.path.join(d, 'error.log')
    if os.path.exists(path):
        with open(path, errors='replace') as f:
            sys.stderr.write('--- nginx error.log (tail) ---\n' + ''.join(f.readlines()[-40:]))


def main():
    nginx = shutil.which('nginx') or ('/usr/sbin/nginx' if os.path.exists('/usr/sbin/nginx')
                                      else None)
    if nginx is None:
        print('run_nginx.py: nginx is not installed (tools/setup installs it)')
        return 1
    d = tempfile.mkdtemp(prefix='quartz-nginx-')
    proc = None
    try:
        www = make_site(d)
        proc, port = start_nginx(nginx, d)
        if proc is None:
            print('run_nginx.py: nginx did not start')
            show_log(d)
            return 1
        print('run_nginx.py: nginx listening on 127.0.0.1:%d, root %s' % (port, www),
              flush=True)
        env = dict(os.environ, QUARTZ_HTTP_PORT=str(port), QUARTZ_HTTP_ROOT=www)
        rc = subprocess.call(sys.argv[1:], env=env, timeout=300)
        if rc != 0:
            show_log(d)
        return rc
    finally:
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGQUIT)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(d, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
