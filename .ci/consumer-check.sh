#!/usr/bin/env bash
# Consumer check: packs TaskTonic.Dataflow, TaskTonic.Dataflow.Testing and TaskTonic.Dataflow.Templates into a temporary folder feed, then, as a
# new user would, in fresh projects outside the repository:
#   1. a console app: `dotnet add package TaskTonic.Dataflow`, Program.cs = the README's quick start, run, check output;
#   2. an xunit project: `dotnet add package TaskTonic.Dataflow` and `TaskTonic.Dataflow.Testing`, a tonic with a ttsc__ handler tested with the Distiller;
#   3. the templates: `dotnet new install` into a private hive, then tasktonic-app and tasktonic-service: test and run.
# No pins, no NoWarn: whatever fails to restore or build here fails for users too. Sources: the folder feed plus the
# user configuration's `nuget.org` source (no URL is written). Packages go to a temporary folder, so nothing stale
# from the global packages folder can hide a packaging mistake.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
saved_packages="${NUGET_PACKAGES:-}"
export NUGET_PACKAGES="$work/packages"
feed="$work/feed"
hive="$work/hive"
started=$SECONDS
say() { echo "--> consumer check: $* ($((SECONDS - started)) s)"; }
fail() { echo "consumer check FAILED: $*" >&2; exit 1; }
expect() { # expect FILE TEXT...: every TEXT occurs in FILE
    local file=$1; shift
    for text in "$@"; do grep -qF -- "$text" "$file" || { cat "$file"; fail "'$text' not in the output"; }; done
}

say "pack into a folder feed"
# Packed with the user's package folder: a restore here rewrites the repository's obj/, which must keep pointing
# at a folder that outlives this check. Only the consumers below use the private folder.
(
  if [ -n "$saved_packages" ]; then export NUGET_PACKAGES="$saved_packages"; else unset NUGET_PACKAGES; fi
  dotnet pack "$root/TaskTonic.Dataflow/TaskTonic.Dataflow.csproj" -c Release -o "$feed" -v q -nologo
  dotnet pack "$root/TaskTonic.Dataflow.Hosting/TaskTonic.Dataflow.Hosting.csproj" -c Release -o "$feed" -v q -nologo
  dotnet pack "$root/TaskTonic.Dataflow.Testing/TaskTonic.Dataflow.Testing.csproj" -c Release -o "$feed" -v q -nologo
  dotnet pack "$root/TaskTonic.Dataflow.Templates/TaskTonic.Dataflow.Templates.csproj" -c Release -o "$feed" -v q -nologo
) || fail "pack"
ls "$feed"
[ -n "$(ls "$feed"/TaskTonic.Dataflow.*.snupkg 2>/dev/null)" ] || fail "no symbols package"

cat > "$work/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="tasktonic-local" value="$feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="tasktonic-local"><package pattern="TaskTonic.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML

say "console app from the README quick start"
dotnet new console -o "$work/quickstart" -n QuickStart >/dev/null
(cd "$work/quickstart" && dotnet add package TaskTonic.Dataflow >/dev/null)
awk '/^## Quick start/ { on = 1 } on && /^```csharp/ { grab = 1; next } grab && /^```/ { exit } grab { print }' "$root/README.md" > "$work/quickstart/Program.cs"
[ -s "$work/quickstart/Program.cs" ] || fail "no quick-start code block in README.md"
timeout 300 dotnet run --project "$work/quickstart" > "$work/quickstart.log" 2>&1 || { cat "$work/quickstart.log"; fail "the quick start did not run"; }
cat "$work/quickstart.log"
expect "$work/quickstart.log" "SmartDoor[locked]" "Cannot open. Door is locked!" "Opening"

say "xunit project with a tonic, tested with the Distiller"
dotnet new xunit -o "$work/consumer-tests" -n ConsumerTests >/dev/null
(cd "$work/consumer-tests" && dotnet add package TaskTonic.Dataflow >/dev/null && dotnet add package TaskTonic.Dataflow.Testing >/dev/null)
rm -f "$work/consumer-tests/UnitTest1.cs"
cat > "$work/consumer-tests/PingTests.cs" <<'CS'
using TaskTonic.Dataflow;
using TaskTonic.Dataflow.Testing;

namespace ConsumerTests;

public sealed partial class Pinger : Tonic
{
    public int Pings { get; private set; }

    private void ttsc__ping(int times)
    {
        Pings += times;
        Log($"ping {Pings}");
    }
}

public class PingTests
{
    [Fact]
    public void Ping_runs_on_the_tonic()
    {
        var distiller = new Distiller();
        var pinger = distiller.Spawn(() => new Pinger());
        pinger.Ping(2);
        pinger.Ping(3);
        distiller.RunUntilIdle();
        Assert.Equal(5, pinger.Pings);
    }
}
CS
timeout 300 dotnet test "$work/consumer-tests" > "$work/consumer-tests.log" 2>&1 || { cat "$work/consumer-tests.log"; fail "the consumer tests failed"; }
expect "$work/consumer-tests.log" "Passed!"

say "templates from the feed (private hive)"
dotnet new install "$(ls "$feed"/TaskTonic.Dataflow.Templates.*.nupkg)" --debug:custom-hive "$hive" >/dev/null
for template in tasktonic-app tasktonic-service; do
    name=My$(echo "$template" | sed 's/tasktonic-//; s/^./\U&/')
    dotnet new "$template" -o "$work/$name" -n "$name" --debug:custom-hive "$hive" >/dev/null
    timeout 300 dotnet test "$work/$name" > "$work/$name-test.log" 2>&1 || { cat "$work/$name-test.log"; fail "$template: tests failed"; }
    expect "$work/$name-test.log" "Passed!"
    say "$template: tests passed"
done
timeout 120 dotnet run --project "$work/MyApp/src/MyApp" > "$work/app.log" 2>&1 || { cat "$work/app.log"; fail "tasktonic-app did not run"; }
expect "$work/app.log" "counting to 3" "total 3"
timeout 120 dotnet run --project "$work/MyService/src/MyService" -- --Heartbeat:PeriodSeconds=0.1 --Heartbeat:MaxBeats=3 > "$work/service.log" 2>&1 \
    || { cat "$work/service.log"; fail "tasktonic-service did not run"; }
expect "$work/service.log" "beat 3" "heartbeat finished"
# SIGTERM once it beats (SIGINT is ignored by background jobs of a script): the host stops, the formula shuts down
# gracefully and the process exits 0.
dotnet "$work/MyService/src/MyService/bin/Debug/net10.0/MyService.dll" --Heartbeat:PeriodSeconds=0.1 > "$work/signal.log" 2>&1 &
pid=$!
for _ in $(seq 600); do grep -qF "beat 2" "$work/signal.log" && break; sleep 0.1; done
kill -TERM "$pid"
for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fail "tasktonic-service did not stop within 60 s of SIGTERM"; fi
wait "$pid" || { cat "$work/signal.log"; fail "tasktonic-service did not exit cleanly on SIGTERM"; }
expect "$work/signal.log" "Application is shutting down" "heartbeat finished" "tt_main_catalyst finished"
say "all passed"
