#!/usr/bin/env bash
# `make serve`: the site in production mode, in the foreground, on 127.0.0.1:8000 (KFQ_BIND).
#
# Refuses to start, before touching the database, unless KFQ_SECRET_KEY and KFQ_ALLOWED_HOSTS
# are set, or when KFQ_DEBUG is on. Then: migrate, collectstatic (hashed, compressed files into
# STATIC_ROOT), and gunicorn with deploy/gunicorn.conf.py, with the mail worker
# (`manage.py send_mail --loop`) beside it, as `make run` does; both stop together (Ctrl-C or
# SIGTERM). Under systemd, deploy/kfq.service and deploy/kfq-mail.service run the two apart.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

python=${KFQ_VENV_PYTHON:-.venv/bin/python}

missing=()
# Blank counts as missing: the settings would read " " or "," as no key, no host.
[[ "${KFQ_SECRET_KEY:-}" =~ [^[:space:]] ]] || missing+=(KFQ_SECRET_KEY)
[[ "${KFQ_ALLOWED_HOSTS:-}" =~ [^[:space:],] ]] || missing+=(KFQ_ALLOWED_HOSTS)
if [ "${#missing[@]}" -ne 0 ]; then
    names=${missing[0]}
    [ "${#missing[@]}" -eq 1 ] || names="$names 和 ${missing[1]}"
    {
        echo "无法启动：正式运行必须设置环境变量 $names。"
        echo "  KFQ_SECRET_KEY     固定的长随机密钥，可用以下命令生成："
        echo "                     python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        echo "  KFQ_ALLOWED_HOSTS  网站的域名，多个用逗号分隔，例如 kfq.example.cn"
        echo "在本机试用请改用 make run。"
    } >&2
    exit 1
fi
case "${KFQ_DEBUG:-}" in
    1 | [Tt][Rr][Uu][Ee] | [Yy][Ee][Ss] | [Oo][Nn])
        echo "无法启动：make serve 是正式运行，KFQ_DEBUG 不能开启（调试模式会向访客显示出错细节）。" >&2
        exit 1
        ;;
esac

"$python" manage.py migrate --noinput
"$python" manage.py collectstatic --noinput --verbosity 0

"$python" manage.py send_mail --loop & worker=$!
"$python" -m gunicorn -c deploy/gunicorn.conf.py & server=$!

stop() { kill -TERM "$server" "$worker" 2>/dev/null || true; }
trap stop INT TERM
# If either of the two ends, stop the other: half a site must not go on looking whole.
set +e
wait -n "$server" "$worker"
rc=$?
stop
wait "$server" "$worker"
exit "$rc"
