#!/usr/bin/python3
"""Runs Ansible's own command-line programs in one process, many times.

ansible-inventory and ansible take about half a second each to start; the
differential tests ask them about hundreds of inventories. This driver
imports Ansible once and runs its CLI classes (InventoryCLI for
ansible-inventory --list, AdHocCLI for ansible --list-hosts) for each
request, exactly as the programs do, capturing what they print.

Requests are JSON lines on stdin, answers JSON lines on stdout:

  {"argv": ["ansible-inventory", "-i", "x", "--list"]}
      -> {"rc": 0, "stdout": "...", "stderr": "..."}
  {"encrypt": "text", "password": "pw", "label": "id"}
      -> {"vaulttext": "$ANSIBLE_VAULT;1.2;AES256;id\\n..."}
  {"ini_values": ["8080", "'a' 'b'", ...]}
      -> {"results": [{"json": "8080"}, {"error": "..."}, ...]}
      each as the ini plugin's _parse_value reads it, printed as
      ansible-inventory prints values
  {"yaml_docs": ["a: yes", ...]}
      -> {"results": [...]}, each as Ansible's loader reads a file
"""
import contextlib
import io
import json
import os
import sys

os.environ.setdefault("ANSIBLE_NOCOLOR", "1")
os.environ.setdefault("ANSIBLE_HOST_KEY_CHECKING", "False")

from ansible.cli.adhoc import AdHocCLI  # noqa: E402
from ansible.cli.inventory import InventoryCLI  # noqa: E402
from ansible.parsing.ajson import AnsibleJSONEncoder  # noqa: E402
from ansible.parsing.utils.yaml import from_yaml  # noqa: E402
from ansible.parsing.vault import VaultLib, VaultSecret  # noqa: E402
from ansible.plugins.inventory.ini import InventoryModule as IniInventory  # noqa: E402
from ansible.utils.context_objects import GlobalCLIArgs  # noqa: E402
from ansible.utils.display import Display  # noqa: E402

CLIS = {"ansible-inventory": InventoryCLI, "ansible": AdHocCLI}
answers = sys.stdout


def run(argv):
    display = Display()
    # Display warns once per message per process; each request is a run
    # of its own.
    display._warns = {}
    display._deprecations = {}
    # Messages are wrapped at the terminal's width; keep each on a line.
    display.columns = 1 << 20
    # The parsed command line is a process-wide singleton; each request
    # parses its own.
    GlobalCLIArgs._Singleton__instance = None
    out, err = io.StringIO(), io.StringIO()
    rc = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = CLIS[argv[0]](argv).run() or 0
        except SystemExit as e:
            rc = e.code if isinstance(e.code, int) else 0
        except Exception as e:  # what the programs print before exiting 1
            err.write("ERROR! %s\n" % e)
            rc = 1
    return {"rc": rc, "stdout": out.getvalue(), "stderr": err.getvalue()}


def encrypt(text, password, label):
    secret = VaultSecret(password.encode())
    vault = VaultLib([(label or "default", secret)])
    return vault.encrypt(text.encode(), secret=secret, vault_id=label or None).decode()


def as_json(fn, values):
    results = []
    for v in values:
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                value = fn(v)
            try:
                text = json.dumps(value, cls=AnsibleJSONEncoder, sort_keys=True, preprocess_unsafe=True, ensure_ascii=False)
            except TypeError:
                # Keys of mixed types do not sort; ansible-inventory then
                # prints them unsorted, as here.
                text = json.dumps(value, cls=AnsibleJSONEncoder, sort_keys=False, preprocess_unsafe=True, ensure_ascii=False)
            results.append({"json": text})
        except Exception as e:  # what makes Ansible fail the file
            results.append({"error": "%s: %s" % (type(e).__name__, e)})
    return {"results": results}


for line in sys.stdin:
    req = json.loads(line)
    if "argv" in req:
        ans = run(req["argv"])
    elif "ini_values" in req:
        ans = as_json(IniInventory._parse_value, req["ini_values"])
    elif "yaml_docs" in req:
        ans = as_json(lambda d: from_yaml(d, json_only=False), req["yaml_docs"])
    else:
        ans = {"vaulttext": encrypt(req["encrypt"], req["password"], req.get("label"))}
    answers.write(json.dumps(ans) + "\n")
    answers.flush()
