#!/usr/bin/env python3
"""Checks the GitHub Actions workflows of docs/integration/github-actions/.

  check_workflow.py check WORKFLOW...
      Reads each file as YAML and checks what GitHub needs and what the
      integration promises: the triggers (`on`), jobs with steps, a
      github/codeql-action/upload-sarif step with `sarif_file` in a job whose
      token has `security-events: write`, a session-lint step that writes that
      file, `needs` and `steps.<id>` references that exist, and every `run`
      script valid bash. Prints one summary line per file, or the problems
      found (exit 1).

  check_workflow.py check ACTION.yml
      The same for a composite action (session-lint's action.yml): every
      `run` step has a shell and is valid bash, `inputs.*` and `steps.*`
      references exist, and its upload-sarif step uploads the file its
      session-lint step writes. A workflow step that `uses` the action
      (`…/session-lint@REF`) counts as session-lint and upload-sarif both.

  check_workflow.py run WORKFLOW JOB STEP [--set NAME=VALUE]... [--exit N]
                        [--workspace DIR]
      Runs one step's `run` script as GitHub's bash would (`bash -eo pipefail`)
      with `${{ }}` expressions in the step's `env` taken from --set (for
      example --set github.event_name=pull_request), the workflow's, job's and
      step's `env`, and a stand-in `session-lint` on PATH that prints its
      command line, checks it against the command line of session-lint's CI
      gate, writes the --output file and exits with N. Prints the commands
      run, what the step wrote to $GITHUB_OUTPUT, and its exit status. For an
      action, JOB is "-" and its inputs are given with --set inputs.NAME=V.
"""
import argparse
import os
import re
import shlex
import stat
import subprocess
import sys
import tempfile

import yaml

UPLOAD_SARIF = "github/codeql-action/upload-sarif@"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

# The command line of session-lint's CI gate (docs/integration/ci.md). The
# stand-in refuses anything else, as session-lint refuses unknown options.
STAND_IN = r'''#!/usr/bin/env python3
import os, re, shlex, sys
args = sys.argv[1:]
print("session-lint " + " ".join(shlex.quote(a) for a in args), flush=True)
def fail(message):
    print("session-lint: error: " + message, file=sys.stderr)
    sys.exit(2)
merge = args[:1] == ["merge"]
if merge:
    args = args[1:]
options = {}
files = []
i = 0
while i < len(args):
    a = args[i]
    if a == "-p" and not merge:
        if i + 1 == len(args):
            fail("-p needs a build folder")
        options["p"] = args[i + 1]
        i += 2
        continue
    m = re.fullmatch(r"--([a-z-]+)=(.*)", a)
    if m:
        name, value = m.groups()
        known = {"format", "output", "sarif-output", "json-output"} if merge else {
            "format", "output", "sarif-output", "json-output", "shard",
            "baseline", "write-baseline", "diff"}
        if name not in known:
            fail("unknown option --" + name)
        options[name] = value
    elif a.startswith("-"):
        fail("unknown option " + a)
    else:
        files.append(a)
    i += 1
if options.get("format", "text") not in ("text", "json", "sarif", "github"):
    fail("--format must be text, json, sarif or github")
if "shard" in options:
    m = re.fullmatch(r"([0-9]+)/([0-9]+)", options["shard"])
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        fail("--shard must be K/N with 1 <= K <= N")
if "baseline" in options and not os.path.isfile(options["baseline"]):
    fail("cannot read the baseline " + options["baseline"])
if merge:
    if not files:
        fail("merge needs the shards' JSON files")
    for f in files:
        if not os.path.isfile(f):
            fail("cannot read " + f)
elif "p" not in options and not files:
    fail("no input files")
for written in ("output", "sarif-output", "json-output"):
    if written in options:
        with open(options[written], "w") as out:
            out.write("{}\n")
sys.exit(int(os.environ["STAND_IN_EXIT"]))
'''


def load(path):
    with open(path) as f:
        workflow = yaml.safe_load(f)
    # YAML 1.1 reads the key `on` as the boolean true.
    if isinstance(workflow, dict) and True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def step_name(step, index):
    return step.get("id") or step.get("name") or step.get("uses") or f"#{index + 1}"


def expressions(value):
    """Every ${{ }} expression in a value of the workflow, and every `if`."""
    if isinstance(value, str):
        yield from EXPRESSION.findall(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "if" and isinstance(item, str) and "${{" not in item:
                yield item
            else:
                yield from expressions(item)
    elif isinstance(value, list):
        for item in value:
            yield from expressions(item)


def shell_of(workflow, job):
    for scope in (job, workflow):
        shell = (scope.get("defaults") or {}).get("run", {}).get("shell")
        if shell:
            return shell
    return None


USES_ACTION = re.compile(r"(^|/)session-lint@")


def session_lint_outputs(step):
    """The files a `run` step's session-lint command writes, with $VARS taken
    from the step's env."""
    env = {k: str(v) for k, v in (step.get("env") or {}).items()}
    found = set()
    if re.search(r"(^|\s)session-lint(\s|$)", step["run"], re.M):
        for value in re.findall(r"--(?:sarif-)?output=\$?\{?([\w.-]+)\}?",
                                step["run"]):
            found.add(env.get(value, value))
    return found


def check_action(action):
    problems = []
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        return ["runs.using is not 'composite'"], None
    steps = runs.get("steps")
    if not isinstance(steps, list) or not steps:
        return ["no runs.steps"], None
    inputs = action.get("inputs") or {}
    ids = [s["id"] for s in steps if "id" in s]
    for expr in expressions(action):
        for ref in re.findall(r"\binputs\.([A-Za-z_][\w-]*)", expr):
            if ref not in inputs:
                problems.append(f"'{expr}' names no input")
        for ref in re.findall(r"\bsteps\.([A-Za-z_][\w-]*)", expr):
            if ref not in ids:
                problems.append(f"'{expr}' names no step")
    written, uploads = set(), []
    for index, step in enumerate(steps):
        name = f"step '{step_name(step, index)}'"
        if ("uses" in step) == ("run" in step):
            problems.append(f"{name}: needs exactly one of 'uses' and 'run'")
            continue
        if "run" in step:
            if step.get("shell") != "bash":
                problems.append(f"{name}: a composite action's run step needs 'shell: bash'")
            script = EXPRESSION.sub("EXPRESSION", step["run"])
            syntax = subprocess.run(["bash", "-n"], input=script, text=True,
                                    capture_output=True)
            if syntax.returncode:
                problems.append(f"{name}: bash: {syntax.stderr.strip()}")
            written |= session_lint_outputs(step)
            continue
        if step["uses"].startswith(UPLOAD_SARIF):
            sarif = (step.get("with") or {}).get("sarif_file")
            if sarif not in written:
                problems.append(f"{name}: no earlier session-lint step writes {sarif}")
            uploads.append(f"sarif_file {sarif}")
    if not uploads:
        problems.append(f"no {UPLOAD_SARIF}... step")
    summary = (f"composite, inputs {', '.join(inputs)}; "
               f"upload-sarif: {'; '.join(uploads)}")
    return problems, summary


def check(path):
    problems = []
    try:
        workflow = load(path)
    except yaml.YAMLError as e:
        return [f"not valid YAML: {e}"], None
    if not isinstance(workflow, dict):
        return ["not a mapping"], None
    if "runs" in workflow:
        return check_action(workflow)
    if not workflow.get("on"):
        problems.append("no 'on': the workflow never runs")
    jobs = workflow.get("jobs")
    if not isinstance(jobs, dict) or not jobs:
        return problems + ["no 'jobs'"], None

    def can_write_security_events(job):
        permissions = job.get("permissions", workflow.get("permissions"))
        if permissions == "write-all":
            return True
        return isinstance(permissions, dict) and \
            permissions.get("security-events") == "write"

    uploads = []
    for job_id, job in jobs.items():
        where = f"job '{job_id}'"
        if "runs-on" not in job:
            problems.append(f"{where}: no 'runs-on'")
        needs = job.get("needs", [])
        for need in [needs] if isinstance(needs, str) else needs:
            if need not in jobs:
                problems.append(f"{where}: needs unknown job '{need}'")
        steps = job.get("steps")
        if not isinstance(steps, list) or not steps:
            problems.append(f"{where}: no steps")
            continue
        ids = [s["id"] for s in steps if "id" in s]
        for expr in expressions(job):
            for ref in re.findall(r"\bsteps\.([A-Za-z_][\w-]*)", expr):
                if ref not in ids:
                    problems.append(f"{where}: '{expr}' names no step of the job")
            for ref in re.findall(r"\bneeds\.([A-Za-z_][\w-]*)", expr):
                if ref not in ([needs] if isinstance(needs, str) else needs):
                    problems.append(f"{where}: '{expr}' names a job it does not need")
        outputs = set()
        for index, step in enumerate(steps):
            name = f"{where}, step '{step_name(step, index)}'"
            if ("uses" in step) == ("run" in step):
                problems.append(f"{name}: needs exactly one of 'uses' and 'run'")
                continue
            if "run" in step:
                if shell_of(workflow, job) != "bash" and "shell" not in step:
                    problems.append(f"{name}: no 'shell: bash' (in a container the default shell is sh)")
                script = EXPRESSION.sub("EXPRESSION", step["run"])
                syntax = subprocess.run(["bash", "-n"], input=script, text=True,
                                        capture_output=True)
                if syntax.returncode:
                    problems.append(f"{name}: bash: {syntax.stderr.strip()}")
                outputs |= session_lint_outputs(step)
                continue
            if USES_ACTION.search(step["uses"]):
                if not can_write_security_events(job):
                    problems.append(f"{name}: the token lacks "
                                    "'permissions: security-events: write'")
                uploads.append(f"{job_id}: the session-lint action")
                continue
            if step["uses"].startswith(UPLOAD_SARIF):
                sarif = (step.get("with") or {}).get("sarif_file")
                if not sarif:
                    problems.append(f"{name}: upload-sarif without 'sarif_file'")
                elif sarif not in outputs:
                    problems.append(f"{name}: no earlier session-lint step writes "
                                    f"--output={sarif} or --sarif-output={sarif}")
                if not can_write_security_events(job):
                    problems.append(f"{name}: the token lacks "
                                    "'permissions: security-events: write'")
                uploads.append(f"{job_id}: sarif_file {sarif}")
    if not uploads:
        problems.append(f"no {UPLOAD_SARIF}... step")
    triggers = workflow.get("on")
    triggers = [triggers] if isinstance(triggers, str) else list(triggers or [])
    summary = (f"on {', '.join(triggers)}; jobs {', '.join(jobs)}; "
               f"upload-sarif in {'; '.join(uploads)}; security-events: write")
    return problems, summary


def evaluate(expr, values):
    if expr in values:
        return values[expr]
    sys.exit(f"check_workflow: no value for '${{{{ {expr} }}}}': pass --set {expr}=...")


def run_step(args):
    workflow = load(args.workflow)
    if "runs" in workflow:  # an action: its steps, no job
        job, workflow = {"steps": workflow["runs"]["steps"]}, {}
    else:
        job = workflow["jobs"][args.job]
    steps = [s for i, s in enumerate(job["steps"]) if step_name(s, i) == args.step]
    if len(steps) != 1 or "run" not in steps[0]:
        sys.exit(f"check_workflow: no run step '{args.step}' in job '{args.job}'")
    step = steps[0]
    values = dict(v.split("=", 1) for v in args.set)
    env = {"PATH": os.environ["PATH"], "HOME": tempfile.mkdtemp()}
    for scope in (workflow, job, step):
        for name, value in (scope.get("env") or {}).items():
            value = str(value)
            value = EXPRESSION.sub(lambda m: evaluate(m.group(1), values), value)
            env[name] = value
            values[f"env.{name}"] = value
    script = EXPRESSION.sub(lambda m: evaluate(m.group(1), values), step["run"])

    workspace = args.workspace or tempfile.mkdtemp()
    bindir = tempfile.mkdtemp()
    stand_in = os.path.join(bindir, "session-lint")
    with open(stand_in, "w") as f:
        f.write(STAND_IN)
    os.chmod(stand_in, stat.S_IRWXU)
    output = os.path.join(bindir, "github-output")
    open(output, "w").close()
    env.update(PATH=bindir + os.pathsep + env["PATH"], GITHUB_OUTPUT=output,
               GITHUB_WORKSPACE=workspace, STAND_IN_EXIT=str(args.exit))
    # GitHub runs `bash --noprofile --norc -eo pipefail {0}` for `shell: bash`.
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as f:
        f.write(script)
    status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", f.name],
                            cwd=workspace, env=env).returncode
    sys.stdout.flush()
    with open(output) as f:
        for line in f:
            print("GITHUB_OUTPUT: " + line.rstrip("\n"))
    print(f"step exit status: {status}")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check")
    c.add_argument("workflows", nargs="+")
    r = sub.add_parser("run")
    r.add_argument("workflow")
    r.add_argument("job")
    r.add_argument("step")
    r.add_argument("--set", action="append", default=[])
    r.add_argument("--exit", type=int, default=0)
    r.add_argument("--workspace")
    args = parser.parse_args()
    if args.command == "run":
        run_step(args)
        return
    failed = False
    for path in args.workflows:
        problems, summary = check(path)
        name = os.path.basename(path)
        if problems:
            failed = True
            for problem in problems:
                print(f"{name}: error: {problem}")
        else:
            print(f"{name}: ok: {summary}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
