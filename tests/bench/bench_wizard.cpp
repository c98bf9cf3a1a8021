// Benchmark of the setup wizard (issue 5; prints figures, asserts nothing):
//   1. cold start of dps-setup until its main window is first exposed, as a ratio to a bare Qt Widgets
//      hello world built the same way (bench_hello_widget): median / min / max of N runs each;
//   2. resident memory (VmRSS, VmHWM) of both, idle on their first page;
//   3. wall time of the wizard's Apply for the full setup (new resource group, DPS and hub, link, policy
//      GeoLatency) against an arm-sandbox with LRO durations DPS 3 s, hub 6 s, update 2 s, driven in-process
//      page by page as a person would (tests/ui/WizardDriver.h), against the true lower bound: DPS (with
//      its policy) beside the hub, then one DPS update with the link, max(DPS, hub) + update = 6 + 2 = 8 s
//      (the same formula as bench_setup), and the ARM requests the sandbox saw;
//   4. the same with the new hub in a subscription without Microsoft.Devices (registration 3 s, done by
//      the plan beside the DPS's creation): bound max(DPS, registration + hub) + update = 11 s.
// 1 and 2 run the programs with the platform plugin this benchmark uses (offscreen unless QT_QPA_PLATFORM
// says otherwise) and a throwaway HOME, so that no setting of the person running it is read.
//
//   bench_wizard [--runs 15] [--lro 3,6,2] [--register 3]
#include "SetupTestSupport.h"
#include "WizardDriver.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

namespace Dps::Test {
namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// The offscreen platform plugin warns at every size change of a top-level window while the wizard is
// driven; a dozen such lines would bury the figures.
QtMessageHandler s_defaultMessageHandler = nullptr;

void dropPlatformNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()"))
        return;
    s_defaultMessageHandler(type, context, message);
}

constexpr int kWarmUpRuns = 2;
constexpr int kMemoryRuns = 3;
constexpr int kIdleMs = 1500;

struct Lro
{
    double dps = 3, hub = 6, update = 2, registration = 3;
    double lowerBound() const { return std::max(dps, hub) + update; }
    double crossBound() const { return std::max(dps, registration + hub) + update; }
    QString argument() const { return QStringLiteral("%1,%2,%3").arg(dps).arg(hub).arg(update); }
};

struct Stats
{
    double median = 0, min = 0, max = 0;

    static Stats of(std::vector<double> values)
    {
        Stats s;
        if (values.empty())
            return s;
        std::sort(values.begin(), values.end());
        const size_t n = values.size();
        s.median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        s.min = values.front();
        s.max = values.back();
        return s;
    }
};

// ---- 1 and 2: the programs as separate processes ------------------------------------------------

struct Program
{
    QString name;
    QString path;
};

// A throwaway HOME (and XDG directories under it) shared by every run of both programs: nothing of the
// person's settings is read, and caches (fontconfig...) are filled by the warm-up runs of both alike.
class Sandboxed
{
public:
    Sandboxed()
    {
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), qEnvironmentVariable("QT_QPA_PLATFORM"));
        m_env.insert(QStringLiteral("HOME"), m_home.path());
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral(".local/share")));
        m_env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral(".cache")));
        m_env.insert(QStringLiteral("DPS_SETUP_DATA_DIR"), m_data.path());
        m_env.remove(QStringLiteral("DPS_SETUP_EXIT_WHEN_SHOWN"));
        m_env.remove(QStringLiteral("DPS_SETUP_REPORT_SHOWN"));
    }

    bool isValid() const { return m_home.isValid() && m_data.isValid(); }

    // With the opt-in hook of app/Application.cpp (and hello_widget.cpp) `name`=1.
    QProcessEnvironment with(const char *name) const
    {
        QProcessEnvironment env = m_env;
        env.insert(QLatin1String(name), QStringLiteral("1"));
        return env;
    }

private:
    QTemporaryDir m_home;
    QTemporaryDir m_data;
    QProcessEnvironment m_env;
};

// Wall time from QProcess::start() until the program exits, which it does right after its first window
// is exposed (DPS_SETUP_EXIT_WHEN_SHOWN=1); nullopt with `error` when it failed.
std::optional<double> timeToShownMs(const Program &program, const Sandboxed &home, QString *error)
{
    QProcess p;
    p.setProcessEnvironment(home.with("DPS_SETUP_EXIT_WHEN_SHOWN"));
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    p.start(program.path, {});
    if (!p.waitForFinished(30000)) {
        *error = QStringLiteral("%1 did not exit within 30 s: %2").arg(program.name, p.errorString());
        p.kill();
        p.waitForFinished();
        return std::nullopt;
    }
    const double ms = timer.nsecsElapsed() / 1e6;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("%1 exited with %2: %3").arg(program.name).arg(p.exitCode()).arg(QString::fromLocal8Bit(p.readAll()));
        return std::nullopt;
    }
    return ms;
}

int runStartup(const Program &hello, const Program &app, const Sandboxed &home, int runs)
{
    out() << QStringLiteral("\n1. Cold start until the first window is exposed, then exit (%1 warm-up runs, then %2 runs each, interleaved)\n")
                 .arg(kWarmUpRuns).arg(runs);
    out().flush();
    std::vector<double> helloMs, appMs;
    QString error;
    for (int i = 0; i < kWarmUpRuns + runs; ++i) {
        // Interleaved, so that a slower phase of the machine hits both programs alike.
        for (const Program *program : {&hello, &app}) {
            const std::optional<double> ms = timeToShownMs(*program, home, &error);
            if (!ms) {
                out() << "  " << error << "\n";
                return 1;
            }
            if (i >= kWarmUpRuns)
                (program == &hello ? helloMs : appMs).push_back(*ms);
        }
    }
    const Stats h = Stats::of(helloMs);
    const Stats a = Stats::of(appMs);
    for (const auto &[program, s] : {std::pair{&hello, h}, std::pair{&app, a}}) {
        out() << QStringLiteral("  %1 median %2 ms (min %3, max %4)\n")
                     .arg(program->name + QLatin1Char(':'), -20).arg(s.median, 0, 'f', 1).arg(s.min, 0, 'f', 1).arg(s.max, 0, 'f', 1);
    }
    out() << QStringLiteral("  ratio of medians %1 / %2: %3 (dps-setup takes %4 ms more)\n")
                 .arg(app.name, hello.name).arg(a.median / h.median, 0, 'f', 2).arg(a.median - h.median, 0, 'f', 1);
    out().flush();
    return 0;
}

struct Memory
{
    double rssMiB = 0, hwmMiB = 0, anonMiB = 0, fileMiB = 0;
};

// /proc/<pid>/status: "VmRSS:     12345 kB".
std::optional<Memory> readMemory(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    Memory m;
    const auto field = [](const QByteArray &line, const char *name, double *mib) {
        if (line.startsWith(name))
            *mib = line.mid(qstrlen(name)).trimmed().split(' ').value(0).toDouble() / 1024.0;
    };
    for (const QByteArray &line : f.readAll().split('\n')) {
        field(line, "VmRSS:", &m.rssMiB);
        field(line, "VmHWM:", &m.hwmMiB);
        field(line, "RssAnon:", &m.anonMiB);
        field(line, "RssFile:", &m.fileMiB);
    }
    return m;
}

// Starts `program` with DPS_SETUP_REPORT_SHOWN=1, waits for its "<name>: shown" line, lets it idle for
// kIdleMs, reads its memory and terminates it.
std::optional<Memory> idleMemory(const Program &program, const Sandboxed &home, QString *error)
{
    QProcess p;
    p.setProcessEnvironment(home.with("DPS_SETUP_REPORT_SHOWN"));
    p.start(program.path, {});
    QByteArray err;
    QElapsedTimer guard;
    guard.start();
    while (!err.contains(": shown\n") && p.state() != QProcess::NotRunning && guard.elapsed() < 30000) {
        p.waitForReadyRead(100);
        err += p.readAllStandardError();
    }
    std::optional<Memory> m;
    if (err.contains(": shown\n")) {
        QThread::msleep(kIdleMs);
        m = readMemory(p.processId());
        if (!m)
            *error = QStringLiteral("cannot read /proc/%1/status").arg(p.processId());
    } else {
        *error = QStringLiteral("%1 did not report its window within 30 s: %2").arg(program.name, QString::fromLocal8Bit(err));
    }
    p.terminate();
    if (!p.waitForFinished(5000)) {
        p.kill();
        p.waitForFinished();
    }
    return m;
}

int runMemory(const Program &hello, const Program &app, const Sandboxed &home)
{
    out() << QStringLiteral("\n2. Resident memory %1 s after the first window is exposed, idle on the first page (median of %2 runs each)\n")
                 .arg(kIdleMs / 1000.0).arg(kMemoryRuns);
    out().flush();
    QString error;
    double rss[2] = {};
    for (int i = 0; i < 2; ++i) {
        const Program &program = i == 0 ? hello : app;
        std::vector<double> vmRss, vmHwm, anon, file;
        for (int run = 0; run < kMemoryRuns; ++run) {
            const std::optional<Memory> m = idleMemory(program, home, &error);
            if (!m) {
                out() << "  " << error << "\n";
                return 1;
            }
            vmRss.push_back(m->rssMiB);
            vmHwm.push_back(m->hwmMiB);
            anon.push_back(m->anonMiB);
            file.push_back(m->fileMiB);
        }
        const Stats r = Stats::of(vmRss);
        rss[i] = r.median;
        out() << QStringLiteral("  %1 VmRSS %2 MiB (min %3, max %4; RssAnon %5, RssFile %6), VmHWM %7 MiB\n")
                     .arg(program.name + QLatin1Char(':'), -20).arg(r.median, 0, 'f', 1).arg(r.min, 0, 'f', 1).arg(r.max, 0, 'f', 1)
                     .arg(Stats::of(anon).median, 0, 'f', 1).arg(Stats::of(file).median, 0, 'f', 1).arg(Stats::of(vmHwm).median, 0, 'f', 1);
    }
    out() << QStringLiteral("  ratio of VmRSS medians %1 / %2: %3 (dps-setup holds %4 MiB more)\n")
                 .arg(app.name, hello.name).arg(rss[1] / rss[0], 0, 'f', 2).arg(rss[1] - rss[0], 0, 'f', 1);
    out().flush();
    return 0;
}

// ---- 3: the wizard's Apply, in-process ---------------------------------------------------------

// Walks a SetupWizard from the sign-in page to Review like tests/ui/tst_wizard.cpp's fixture (the plan of
// its NewResourcesFromSignInToDoneWithEveryCopy), reporting the first step that did not work.
class WizardWalk
{
public:
    // `hubSubscription`: where the new hub goes (empty: the DPS's subscription).
    WizardWalk(Ui::SetupWizard &wizard, WizardDriver &drive, QString hubSubscription = {})
        : m_wizard(wizard)
        , m_drive(drive)
        , m_hubSubscription(std::move(hubSubscription))
    {
    }

    bool toReview()
    {
        return signInPage() && subscriptionPage() && dpsPage() && hubPage() && linkAndPolicyPages();
    }
    QString error() const { return m_error; }

private:
    bool fail(const QString &what)
    {
        m_error = QStringLiteral("%1 (on page %2)").arg(what).arg(m_wizard.currentId());
        return false;
    }
    // WizardDriver::type()/click() assert through GoogleTest, which is not running here: check first.
    bool type(const char *objectName, const QString &text)
    {
        if (!m_drive.find<QLineEdit>(objectName))
            return fail(QStringLiteral("no line edit %1").arg(QLatin1String(objectName)));
        m_drive.type(objectName, text);
        return true;
    }
    bool click(const char *objectName)
    {
        auto *button = m_drive.find<QAbstractButton>(objectName);
        if (!button || !QTest::qWaitFor([button] { return button->isEnabled(); }, 10000))
            return fail(QStringLiteral("no enabled button %1").arg(QLatin1String(objectName)));
        m_drive.click(objectName);
        return true;
    }
    bool pick(const char *objectName, const QString &value)
    {
        return m_drive.pick(objectName, value) || fail(QStringLiteral("%1 does not list %2").arg(QLatin1String(objectName), value));
    }
    bool next(const char *page)
    {
        return m_drive.next() || fail(QStringLiteral("Next on the %1 page did not go on").arg(QLatin1String(page)));
    }
    bool nameOk(const char *message)
    {
        return m_drive.waitMessage(message, Ui::Status::Ok) || fail(m_drive.message(message));
    }

    bool signInPage() { return next("sign-in"); }
    bool subscriptionPage()
    {
        return pick("subscriptionCombo", Demo::kProduction) && click("newGroupRadio") && type("groupNameEdit", QStringLiteral("bench-rg"))
               && pick("regionCombo", QStringLiteral("westeurope")) && next("subscription");
    }
    bool dpsPage()
    {
        return click("newDpsRadio") && type("dpsNameEdit", QStringLiteral("bench-dps")) && nameOk("dpsNameMessage") && next("DPS");
    }
    bool hubPage()
    {
        if (!m_hubSubscription.isEmpty() && !pick("hubSubscriptionCombo", m_hubSubscription))
            return false;
        return click("newHubRadio") && pick("hubTierCombo", QStringLiteral("S1")) && type("hubNameEdit", QStringLiteral("bench-hub"))
               && nameOk("hubNameMessage") && next("IoT hub");
    }
    bool linkAndPolicyPages()
    {
        // Link with the hub's existing iothubowner policy, not a dedicated one created at Apply (that
        // would be one more hub update than the lower bound counts).
        if (m_drive.find<QRadioButton>("existingPolicyRadio") && !click("existingPolicyRadio"))
            return false;
        if (!pick("accessPolicyCombo", QStringLiteral("iothubowner")) || !next("link"))
            return false;
        if (!click("geoLatencyRadio") || !next("allocation policy"))
            return false;
        return m_wizard.currentId() == Ui::SetupWizard::Review || fail(QStringLiteral("not on the Review page"));
    }

    Ui::SetupWizard &m_wizard;
    WizardDriver &m_drive;
    QString m_hubSubscription;
    QString m_error;
};

// Runs a real event loop until `done` holds or `ms` pass; true when it holds. Unlike QTest::qWaitFor,
// which sleeps 10 ms between rounds of events, this answers network replies as soon as they arrive, so
// the measured Apply is not slowed by the measurement.
bool waitUntil(const std::function<bool()> &done, int ms)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(2);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

void printRequests(const QString &title, const RequestLog &log)
{
    const int firstWrite = log.indexOf([](const LoggedRequest &e) { return e.isWrite(); });
    int readsBeforeWrite = 0;
    for (int i = 0; i < (firstWrite < 0 ? log.entries.size() : firstWrite); ++i)
        readsBeforeWrite += log.entries[i].isRead() ? 1 : 0;
    out() << QStringLiteral("  %1 %2 requests = %3 writes + %4 reads (%5 before the first write) + %6 LRO polls + %7 token\n")
                 .arg(title, -28).arg(log.entries.size())
                 .arg(log.count([](const LoggedRequest &e) { return e.isWrite(); }))
                 .arg(log.count([](const LoggedRequest &e) { return e.isRead(); }))
                 .arg(readsBeforeWrite)
                 .arg(log.count([](const LoggedRequest &e) { return e.isPoll(); }))
                 .arg(log.count([](const LoggedRequest &e) { return e.isToken(); }));
}

// cross: the new hub goes to "Contoso Dev/Test", where Microsoft.Devices is not registered; the plan registers it.
int runApply(const Lro &lro, bool cross)
{
    if (cross)
        out() << QStringLiteral("\n4. The wizard's Apply across subscriptions: the new hub in Contoso Dev/Test, Microsoft.Devices not "
                                "registered there (the plan registers it, %1 s)\n").arg(lro.registration);
    else
        out() << QStringLiteral("\n3. The wizard's Apply, full setup (new group, DPS and hub S1, link iothubowner, policy GeoLatency)\n");
    SandboxProcess::Options options;
    options.world = QStringLiteral("demo");
    options.lroSeconds = lro.argument();
    options.extraArgs = {QStringLiteral("--register-seconds"), QString::number(lro.registration)};
    SandboxProcess sandbox(options);
    QString error;
    out().flush(); // before the sandbox's own lines on stderr
    if (!sandbox.start(&error)) {
        out() << "  cannot start arm-sandbox: " << error << "\n";
        return 1;
    }
    out() << QStringLiteral("  arm-sandbox --world demo --lro-seconds %1 (DPS %2 s, hub %3 s, each update %4 s) at %5\n")
                 .arg(options.lroSeconds).arg(lro.dps).arg(lro.hub).arg(lro.update).arg(sandbox.baseUrl().toString());
    out().flush();

    QTemporaryDir dir;
    // As the app wires it, but signed in to the sandbox's service principal and with quick name checks, so
    // that walking to Review takes little time; the poll interval is the app's.
    Setup::SetupController controller(nullptr, nullptr, dir.filePath(QStringLiteral("runs")));
    controller.setSettingsFile(dir.filePath(QStringLiteral("s.ini")));
    controller.setNameCheckDelayMs(30);
    controller.useSandbox(sandbox.info());
    Ui::SetupWizard wizard(controller);
    wizard.setUrlOpener([](const QUrl &) { return true; }); // never a browser from a benchmark
    wizard.show();
    if (!QTest::qWaitForWindowExposed(&wizard)) {
        out() << "  the wizard's window was not exposed\n";
        return 1;
    }
    WizardDriver drive(wizard);
    WizardWalk walk(wizard, drive, cross ? Demo::kDevTest : QString());
    QElapsedTimer walkTimer;
    walkTimer.start();
    if (!walk.toReview()) {
        out() << "  walking to Review failed: " << walk.error() << "\n";
        return 1;
    }
    // The Review page runs its checks; Apply is enabled once they pass.
    if (!drive.waitCanGoOn(30000)) {
        out() << "  the Review page's checks did not pass\n";
        return 1;
    }
    out() << QStringLiteral("  sign-in page to Apply enabled on Review: %1 s (driven, not measured against anything)\n")
                 .arg(walkTimer.nsecsElapsed() / 1e9, 0, 'f', 3);
    const RequestLog beforeApply = fetchRequestLog(sandbox);
    clearRequestLog(sandbox);

    struct Event
    {
        qint64 atMs;
        Setup::StepStatus status;
    };
    std::vector<Event> steps;
    std::optional<qint64> engineFinishedNs;
    QString failure;
    QElapsedTimer timer;
    QObject::connect(&controller, &Setup::SetupController::stepChanged, &wizard,
                     [&](const Setup::StepStatus &s) { steps.push_back({timer.elapsed(), s}); });
    QObject::connect(&controller, &Setup::SetupController::finished, &wizard,
                     [&](const Setup::SetupResult &) { engineFinishedNs = timer.nsecsElapsed(); });
    QObject::connect(&controller, &Setup::SetupController::failed, &wizard,
                     [&](const Arm::ArmError &e) { failure = e.userMessage(); });

    // From the click on Apply (the Review page's commit button) until the Apply page allows Next, i.e.
    // everything is created and linked and the person can go on.
    timer.start();
    QTest::mouseClick(drive.forwardButton(), Qt::LeftButton);
    const bool done = waitUntil([&] { return !failure.isEmpty() || (wizard.currentId() == Ui::SetupWizard::Apply && drive.canGoOn()); },
                                120000);
    const double wallS = timer.nsecsElapsed() / 1e9;
    if (!done || !failure.isEmpty() || !controller.result()) {
        if (failure.isEmpty())
            failure = drive.banner("applyBanner") ? drive.banner("applyBanner")->text() : QStringLiteral("timeout");
        out() << "  Apply did not finish: " << failure << "\n";
        return 1;
    }

    const double bound = cross ? lro.crossBound() : lro.lowerBound();
    const QString formula = cross ? QStringLiteral("max(DPS %1, registration %2 + hub %3) + update %4").arg(lro.dps).arg(lro.registration).arg(lro.hub).arg(lro.update)
                                  : QStringLiteral("max(DPS %1, hub %2) + update %3").arg(lro.dps).arg(lro.hub).arg(lro.update);
    out() << QStringLiteral("  wall time, click on Apply to Next enabled: %1 s\n").arg(wallS, 0, 'f', 3);
    out() << QStringLiteral("  lower bound %1 = %2 s; overhead %3 ms = %4 %; goal within 5 % (<= %5 s): %6\n")
                 .arg(formula).arg(bound)
                 .arg((wallS - bound) * 1000, 0, 'f', 0).arg((wallS / bound - 1) * 100, 0, 'f', 1)
                 .arg(bound * 1.05, 0, 'f', 2)
                 .arg(wallS <= bound * 1.05 ? QStringLiteral("met") : QStringLiteral("NOT met"));
    if (engineFinishedNs) {
        out() << QStringLiteral("  of which after the engine finished (%1 s): %2 ms until Next was enabled\n")
                     .arg(*engineFinishedNs / 1e9, 0, 'f', 3).arg(wallS * 1000 - *engineFinishedNs / 1e6, 0, 'f', 1);
    }
    printRequests(QStringLiteral("sign-in to Review (lookups):"), beforeApply);
    printRequests(QStringLiteral("Apply:"), fetchRequestLog(sandbox));
    out() << "  steps (s since the click on Apply):\n";
    for (const Event &e : steps) {
        out() << QStringLiteral("    %1  %2: %3%4\n")
                     .arg(e.atMs / 1000.0, 7, 'f', 3)
                     .arg(Setup::stepName(e.status.id), Setup::stateName(e.status.state),
                          e.status.azureStatus.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.status.azureStatus));
    }
    out().flush(); // before the sandbox says it stopped
    return 0;
}

} // namespace
} // namespace Dps::Test

int main(int argc, char **argv)
{
    using namespace Dps::Test;
    // CI has no display; the programs of 1 and 2 get the same platform as this process.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    quietCoreLogs();
    s_defaultMessageHandler = qInstallMessageHandler(dropPlatformNoise);

    int runs = 15;
    Lro lro;
    const QStringList args = app.arguments();
    const int runsAt = args.indexOf(QStringLiteral("--runs"));
    if (runsAt >= 0 && runsAt + 1 < args.size())
        runs = std::max(1, args.at(runsAt + 1).toInt());
    const int lroAt = args.indexOf(QStringLiteral("--lro"));
    if (lroAt >= 0 && lroAt + 1 < args.size()) {
        const QStringList parts = args.at(lroAt + 1).split(QLatin1Char(','));
        if (parts.size() == 3) {
            lro.dps = parts[0].toDouble();
            lro.hub = parts[1].toDouble();
            lro.update = parts[2].toDouble();
        }
    }
    const int regAt = args.indexOf(QStringLiteral("--register"));
    if (regAt >= 0 && regAt + 1 < args.size())
        lro.registration = args.at(regAt + 1).toDouble();

    const Program hello{QStringLiteral("bench_hello_widget"), QStringLiteral(DPS_HELLO_WIDGET_PATH)};
    const Program dpsSetup{QStringLiteral("dps-setup"), QStringLiteral(DPS_SETUP_PATH)};
    Sandboxed home;
    if (!home.isValid()) {
        out() << "no temporary directory\n";
        return 1;
    }
    out() << QStringLiteral("bench_wizard: QT_QPA_PLATFORM=%1, Qt %2, %3 cores\n")
                 .arg(qEnvironmentVariable("QT_QPA_PLATFORM"), QString::fromLatin1(qVersion()))
                 .arg(QThread::idealThreadCount());
    int rc = runStartup(hello, dpsSetup, home, runs);
    rc |= runMemory(hello, dpsSetup, home);
    rc |= runApply(lro, false);
    rc |= runApply(lro, true);
    out().flush();
    return rc;
}
