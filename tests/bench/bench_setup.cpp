// Benchmark of the setup engine (prints figures; asserts nothing). An arm-sandbox with LRO durations
// DPS 3 s, hub 6 s, update 2 s runs the full setup (new resource group, DPS, hub, link, policy GeoLatency)
//   1. through the real `dps-setup setup --json` process, and
//   2. in-process through SetupEngine,
// and prints the wall time against the true lower bound: the DPS (created with its policy) and the hub
// side by side, then one DPS update with the link, max(DPS, hub) + update = 6 + 2 = 8 s; the goal is
// within 5 % of it. Then
//   3. the cross-subscription setup: the hub in a subscription where Microsoft.Devices is not registered
//      (`--register-provider`, registration 3 s): the registration runs beside the DPS's creation, the hub
//      after it, bound max(DPS, registration + hub) + update = max(3, 3 + 6) + 2 = 11 s.
// Each prints the ARM requests the sandbox saw (writes, reads, LRO polls, token requests) against the
// minimum the flow needs, and a timeline of the requests and steps so that any gap can be traced.
//
//   bench_setup [--lro 3,6,2] [--register 3]
#include "SetupTestSupport.h"
#include "setup/SetupEngine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace Dps;
using namespace Dps::Test;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

struct Lro
{
    double dps = 3, hub = 6, update = 2, registration = 3;
    double lowerBound() const { return std::max(dps, hub) + update; }
    double crossBound() const { return std::max(dps, registration + hub) + update; }
};

// The fewest requests the flow needs (besides LRO polls): one token; the reads the plan is made from
// (subscription, provider with its regions, resource group, DPS and hub lookups, both name checks);
// the writes (resource group, DPS with its policy, hub, one DPS update with the link); the steps' reads:
// the final GETs of DPS, hub and DPS update after their LROs and the key of the hub's policy (listkeys).
constexpr int kMinTokens = 1;
constexpr int kMinChecks = 7;
constexpr int kMinWrites = 4; // RG, DPS (with its policy), hub, DPS update (link)
constexpr int kMinStepReads = 3 /* final GETs DPS, hub, update */ + 1 /* listkeys */;
constexpr int kMinLros = 3;   // DPS, hub, update: one poll each when the server's exact wait is honoured

qint64 isoMs(const QString &time)
{
    return QDateTime::fromString(time, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QString shortPath(const QString &path)
{
    QString p = path;
    p.replace(QRegularExpression(QStringLiteral("^/subscriptions/[^/]+")), QStringLiteral("/s/…"));
    p.replace(QStringLiteral("/providers/Microsoft.Devices"), QStringLiteral("/…Devices"));
    p.replace(QRegularExpression(QStringLiteral("/(operationResults|operationresults)/[^/]+$")), QStringLiteral("/operationResults/…"));
    return p;
}

// `minimum`: compare with the fewest requests of the main flow (not for the cross-subscription one).
void printRequests(const RequestLog &log, qint64 t0, const QString &title, bool minimum = true)
{
    const int tokens = log.count([](const LoggedRequest &e) { return e.isToken(); });
    const int writes = log.count([](const LoggedRequest &e) { return e.isWrite(); });
    const int polls = log.count([](const LoggedRequest &e) { return e.isPoll(); });
    const int reads = log.count([](const LoggedRequest &e) { return e.isRead(); });
    const int firstWrite = log.indexOf([](const LoggedRequest &e) { return e.isWrite(); });
    int checkReads = 0;
    for (int i = 0; i < (firstWrite < 0 ? log.entries.size() : firstWrite); ++i)
        checkReads += log.entries[i].isRead() ? 1 : 0;
    const int total = log.entries.size();
    const int minimal = kMinTokens + kMinChecks + kMinWrites + kMinStepReads;
    out() << QStringLiteral("  %1 requests: %2 total = %3 writes + %4 reads (%5 before the first write) + %6 LRO polls + %7 token\n")
                 .arg(title).arg(total).arg(writes).arg(reads).arg(checkReads).arg(polls).arg(tokens);
    if (minimum) {
        out() << QStringLiteral("  needed:   %1 + %2 polls (%3 writes, %4 check reads, %5 step reads, %6 token; one poll per LRO)\n")
                     .arg(minimal).arg(kMinLros).arg(kMinWrites).arg(kMinChecks).arg(kMinStepReads).arg(kMinTokens);
        out() << QStringLiteral("  excess:   %1 requests beyond the minimum, %2 polls beyond one per LRO\n")
                     .arg(total - polls - minimal).arg(polls - kMinLros);
    } else {
        out() << QStringLiteral("  of the reads, %1 are GETs of Microsoft.Devices while it registers (every 250 ms for its first 10 s)\n")
                     .arg(log.count([](const LoggedRequest &e) {
                         return e.method == QLatin1String("GET") && e.path.endsWith(QLatin1String("/providers/Microsoft.Devices"), Qt::CaseInsensitive);
                     }));
    }
    out() << QStringLiteral("  timeline (s since start, method, path, status):\n");
    for (const auto &e : log.entries) {
        const QString kind = e.isToken() ? QStringLiteral("token") : e.isPoll() ? QStringLiteral("poll") : e.isWrite() ? QStringLiteral("WRITE") : QStringLiteral("read");
        out() << QStringLiteral("    %1  %2 %3 %4 %5\n").arg((isoMs(e.time) - t0) / 1000.0, 7, 'f', 3).arg(kind, -5).arg(e.method, -6).arg(shortPath(e.path)).arg(e.status);
    }
}

void printTiming(double wallS, double bound, const QString &formula)
{
    out() << QStringLiteral("  wall time: %1 s; lower bound %2 = %3 s; ratio %4 (%5 %)\n")
                 .arg(wallS, 0, 'f', 3).arg(formula).arg(bound)
                 .arg(wallS / bound, 0, 'f', 3).arg((wallS / bound - 1) * 100, 0, 'f', 1);
    out() << QStringLiteral("  goal (within 5 %, <= %1 s): %2\n")
                 .arg(bound * 1.05, 0, 'f', 2)
                 .arg(wallS <= bound * 1.05 ? QStringLiteral("met") : QStringLiteral("NOT met"));
}

QString mainFormula(const Lro &lro)
{
    return QStringLiteral("max(DPS %1, hub %2) + update %3").arg(lro.dps).arg(lro.hub).arg(lro.update);
}

struct CliOutcome
{
    bool ok = false;
    double wall = 0;
};

CliOutcome runCliProcess(const SandboxProcess &sandbox, const QStringList &setupArgs, bool minimum = true)
{
    QTemporaryDir data;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DPS_SETUP_DATA_DIR"), data.path());
    for (const char *name : {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"})
        env.remove(QLatin1String(name));
    p.setProcessEnvironment(env);
    const QStringList args = QStringList{QStringLiteral("setup"), QStringLiteral("--cloud"), QStringLiteral("sandbox"),
                                         QStringLiteral("--sandbox-info"), sandbox.dir() + QStringLiteral("/info.json"), QStringLiteral("--json")}
                             + setupArgs;
    clearRequestLog(sandbox);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(DPS_SETUP_PATH), args);
    if (!p.waitForFinished(120000)) {
        out() << "  dps-setup did not finish within 120 s\n";
        p.kill();
        return {};
    }
    const double wall = timer.nsecsElapsed() / 1e9;
    const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    if (p.exitCode() != 0) {
        out() << "  dps-setup failed with exit code " << p.exitCode() << ":\n" << QString::fromUtf8(p.readAllStandardError()) << "\n";
        return {};
    }
    out() << QStringLiteral("  exit 0, ID scope %1; the CLI reports %2 ARM requests and %3 s in the engine\n")
                 .arg(doc.value(QStringLiteral("result")).toObject().value(QStringLiteral("idScope")).toString())
                 .arg(doc.value(QStringLiteral("armRequests")).toInt())
                 .arg(doc.value(QStringLiteral("elapsedMs")).toDouble() / 1000.0, 0, 'f', 3);
    const RequestLog log = fetchRequestLog(sandbox);
    // The timeline first (relative to the process start), then the caller prints the timing.
    out() << QStringLiteral("  %1 writes, %2 LRO polls, %3 requests in all\n")
                 .arg(log.count([](const LoggedRequest &e) { return e.isWrite(); }))
                 .arg(log.count([](const LoggedRequest &e) { return e.isPoll(); }))
                 .arg(log.entries.size());
    out() << "  progress (stderr):\n";
    for (const auto &line : QString::fromUtf8(p.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out() << "    " << line << "\n";
    printRequests(log, t0, QStringLiteral("sandbox saw"), minimum);
    return {true, wall};
}

int runCli(const SandboxProcess &sandbox, const Lro &lro)
{
    out() << "\n1. dps-setup setup --json (a separate process)\n";
    const CliOutcome r = runCliProcess(sandbox, {QStringLiteral("--subscription"), sandbox.subscriptionId(0), QStringLiteral("--resource-group"),
                                                 QStringLiteral("bench-cli-rg"), QStringLiteral("--location"), QStringLiteral("westeurope"),
                                                 QStringLiteral("--dps"), QStringLiteral("bench-cli-dps"), QStringLiteral("--hub"),
                                                 QStringLiteral("bench-cli-hub"), QStringLiteral("--policy"), QStringLiteral("geolatency")});
    if (!r.ok)
        return 1;
    printTiming(r.wall, lro.lowerBound(), mainFormula(lro));
    return 0;
}

// The hub in the demo world's "Contoso Dev/Test", where Microsoft.Devices is not registered.
int runCrossSubscription(const Lro &lro)
{
    out() << QStringLiteral("\n3. cross-subscription: hub in a subscription without Microsoft.Devices (--register-provider, registration %1 s)\n")
                 .arg(lro.registration);
    SandboxProcess::Options options;
    options.world = QStringLiteral("demo");
    options.lroSeconds = QStringLiteral("%1,%2,%3").arg(lro.dps).arg(lro.hub).arg(lro.update);
    options.extraArgs = {QStringLiteral("--register-seconds"), QString::number(lro.registration)};
    SandboxProcess sandbox(options);
    QString error;
    if (!sandbox.start(&error)) {
        out() << "  cannot start arm-sandbox: " << error << "\n";
        return 1;
    }
    const CliOutcome r = runCliProcess(sandbox, {QStringLiteral("--subscription"), Demo::kProduction, QStringLiteral("--resource-group"),
                                                 QStringLiteral("bench-x-rg"), QStringLiteral("--location"), QStringLiteral("westeurope"),
                                                 QStringLiteral("--dps"), QStringLiteral("bench-x-dps"), QStringLiteral("--hub"),
                                                 QStringLiteral("bench-x-hub"), QStringLiteral("--hub-subscription"), Demo::kDevTest,
                                                 QStringLiteral("--hub-resource-group"), QStringLiteral("bench-x-hub-rg"),
                                                 QStringLiteral("--policy"), QStringLiteral("geolatency"), QStringLiteral("--register-provider")},
                                        false);
    if (!r.ok)
        return 1;
    printTiming(r.wall, lro.crossBound(),
                QStringLiteral("max(DPS %1, registration %2 + hub %3) + update %4").arg(lro.dps).arg(lro.registration).arg(lro.hub).arg(lro.update));
    return 0;
}

int runInProcess(const SandboxProcess &sandbox, const Lro &lro)
{
    out() << "\n2. SetupEngine in-process\n";
    QTemporaryDir data;
    auto session = EngineSession::open(sandbox.info());
    Setup::SetupEngine engine(session->service.get(), std::make_shared<Setup::RunJournal>(data.path()));
    Setup::PlanInput in;
    in.subscriptionId = sandbox.subscriptionId(0);
    in.tenantId = session->tenantId;
    in.resourceGroup = QStringLiteral("bench-rg");
    in.location = QStringLiteral("westeurope");
    in.dpsName = QStringLiteral("bench-dps");
    in.hubName = QStringLiteral("bench-hub");
    in.allocationPolicy = QStringLiteral("GeoLatency");
    engine.setInput(in);

    struct Event { qint64 at; Setup::StepStatus status; };
    QList<Event> events;
    bool ok = false;
    QString error;
    QEventLoop loop;
    QObject::connect(&engine, &Setup::SetupEngine::stepChanged, &loop,
                     [&](const Setup::StepStatus &s) { events.append({QDateTime::currentMSecsSinceEpoch(), s}); });
    QObject::connect(&engine, &Setup::SetupEngine::finished, &loop, [&](const Setup::SetupResult &) { ok = true; loop.quit(); });
    QObject::connect(&engine, &Setup::SetupEngine::failed, &loop, [&](const Arm::ArmError &e) { error = e.userMessage(); loop.quit(); });
    QTimer::singleShot(120000, &loop, [&] { error = QStringLiteral("timeout"); loop.quit(); });

    clearRequestLog(sandbox);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    engine.start();
    loop.exec();
    const double wall = timer.nsecsElapsed() / 1e9;
    if (!ok) {
        out() << "  the setup failed: " << error << "\n";
        return 1;
    }
    out() << QStringLiteral("  finished; ArmClient counted %1 requests\n").arg(session->client->requestCount());
    printTiming(wall, lro.lowerBound(), mainFormula(lro));
    printRequests(fetchRequestLog(sandbox), t0, QStringLiteral("sandbox saw"));
    out() << "  steps (s since start):\n";
    for (const auto &e : events) {
        out() << QStringLiteral("    %1  %2: %3%4\n").arg((e.at - t0) / 1000.0, 7, 'f', 3).arg(Setup::stepName(e.status.id), Setup::stateName(e.status.state),
                                                      e.status.azureStatus.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.status.azureStatus));
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    quietCoreLogs();
    Lro lro;
    const QStringList args = app.arguments();
    const int regAt = args.indexOf(QStringLiteral("--register"));
    if (regAt >= 0 && regAt + 1 < args.size())
        lro.registration = args.at(regAt + 1).toDouble();
    const int lroAt = args.indexOf(QStringLiteral("--lro"));
    if (lroAt >= 0 && lroAt + 1 < args.size()) {
        const QStringList parts = args.at(lroAt + 1).split(QLatin1Char(','));
        if (parts.size() == 3) {
            lro.dps = parts[0].toDouble();
            lro.hub = parts[1].toDouble();
            lro.update = parts[2].toDouble();
        }
    }
    SandboxProcess::Options options;
    options.world = QStringLiteral("empty");
    options.lroSeconds = QStringLiteral("%1,%2,%3").arg(lro.dps).arg(lro.hub).arg(lro.update);
    SandboxProcess sandbox(options);
    QString error;
    if (!sandbox.start(&error)) {
        out() << "cannot start arm-sandbox: " << error << "\n";
        return 1;
    }
    out() << QStringLiteral("bench_setup: arm-sandbox --world empty --lro-seconds %1 at %2\n").arg(options.lroSeconds, sandbox.baseUrl().toString());
    out() << "full setup: new resource group, DPS (with the policy GeoLatency) and hub in parallel, then one DPS update (link)\n";
    int rc = runCli(sandbox, lro);
    rc |= runInProcess(sandbox, lro);
    rc |= runCrossSubscription(lro);
    out().flush();
    return rc;
}
