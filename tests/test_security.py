"""Hardened for the public web: check --deploy clean with DEBUG off, a Content-Security-Policy that
allows no inline script (and no page that needs one), login attempts rate-limited with a page in
words, and the request limits."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def test_check_deploy_is_clean_with_debug_off(tmp_path):
    env = dict(
        os.environ,
        DEBUG="0",
        SECRET_KEY="x" * 20 + "-a-long-random-production-key-" + "y" * 20,
        ALLOWED_HOSTS="archive.example.org",
        VAR_DIR=str(tmp_path),
        MODEL_DIR=str(settings.MODEL_DIR),
    )
    env.pop("HTTPS", None)
    out = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "System check identified no issues" in out.stdout, out.stdout + out.stderr


PAGES = [
    "/",
    "/search/?q=扶贫",
    "/region/610926/",
    "/region/610000/",
    "/figures/",
    "/figures/?label=贫困发生率",
    "/programme/易地扶贫搬迁/",
    "/category/产业扶贫/",
    "/basket/",
    "/admin/login/",
]


def _inline_script(html):
    """What a CSP without 'unsafe-inline' would block: inline <script>, on* handlers, javascript: URLs,
    style attributes and <style> elements."""
    found = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    found += re.findall(r"<[^>]+\son[a-z]+\s*=", html)
    found += re.findall(r"(?:href|src)\s*=\s*[\"']?\s*javascript:", html, re.I)
    found += re.findall(r"<[^>]+\sstyle\s*=", html)
    found += re.findall(r"<style[\s>]", html)
    return found


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_a_csp_and_needs_no_inline_script(client, url):
    r = client.get(url)
    assert r.status_code == 200
    policy = r.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy
    assert r.headers["X-Frame-Options"] == "DENY"
    assert _inline_script(r.content.decode()) == []


def test_the_report_page_and_the_admin_need_no_inline_script(client, report_of):
    admin = User.objects.create_superuser("boss", "b@example.org", "pw-long-enough-1")
    client.force_login(admin)
    report = report_of(0)
    for url in (
        f"/report/{report.pk}/",
        "/admin/",
        "/admin/archive/report/",
        f"/admin/archive/report/{report.pk}/change/",
        "/admin/archive/report/upload/",
        f"/admin/archive/report/{report.pk}/changes/",
    ):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "Content-Security-Policy" in r.headers
        blocked = _inline_script(r.content.decode())
        assert blocked == [], (url, blocked[:5])


def _login(client, username, password):
    page = client.get("/admin/login/")
    assert page.status_code == 200
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


def test_wrong_passwords_lock_the_name_out_with_a_page_that_says_so(client, settings):
    User.objects.create_superuser("admin", "a@example.org", "the-right-password")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        r = _login(client, "admin", "wrong")
        assert r.status_code == 200 and "请输入" in r.content.decode()  # the usual form, with its error
    r = _login(client, "admin", "wrong")
    assert r.status_code == 429
    text = r.content.decode()
    assert "登录已暂停" in text and f"连续 {settings.AXES_FAILURE_LIMIT} 次输错密码" in text and "15 分钟后再试" in text
    assert "Traceback" not in text and "Account locked" not in text and "Django" not in text
    # locked: even the right password waits, and the lock is per name, not for everyone
    assert _login(client, "admin", "the-right-password").status_code == 429
    User.objects.create_superuser("other", "o@example.org", "another-password")
    assert _login(client, "other", "another-password").status_code == 302


def test_thirty_wrong_passwords_are_not_all_tried(client, settings):
    User.objects.create_superuser("admin", "a@example.org", "the-right-password")
    statuses = [_login(client, "admin", f"guess{i}").status_code for i in range(30)]
    assert (
        statuses.count(200) == settings.AXES_FAILURE_LIMIT - 1
        and statuses.count(429) == 31 - settings.AXES_FAILURE_LIMIT
    )


def test_a_right_password_resets_the_count(client, settings):
    User.objects.create_superuser("admin", "a@example.org", "the-right-password")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "admin", "wrong")
    assert _login(client, "admin", "the-right-password").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "admin", "wrong").status_code == 200


def test_request_limits(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS and settings.DATA_UPLOAD_MAX_NUMBER_FILES == settings.UPLOAD_MAX_FILES
