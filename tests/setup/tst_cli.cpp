// The real `dps-setup setup|show|list` binary against a real arm-sandbox process: JSON results and exit
// codes, --plan, bad input, a refused cloud URL, kill -9 during the hub's LRO followed by a re-run that
// creates nothing twice, HTTPS with the sandbox's own certificate, and SIGINT/SIGTERM (exit 130).
#include "SetupTestSupport.h"
#include "cli/CommandLine.h"
#include "setup/SetupPlan.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <csignal>
#include <sys/types.h>
#include <memory>

using namespace Dps;
using namespace Dps::Test;

namespace {

constexpr int kRunTimeoutMs = 30000;

std::string str(const QString &s)
{
    return s.toStdString();
}

struct CliResult
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    std::string describe() const
    {
        return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3").arg(exitCode).arg(QString::fromUtf8(out), QString::fromUtf8(err)).toStdString();
    }
};

class CliTest : public ::testing::Test
{
protected:
    void startSandbox(SandboxProcess::Options options = {})
    {
        m_sandbox = std::make_unique<SandboxProcess>(std::move(options));
        QString error;
        ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
        ASSERT_TRUE(m_dataDir.isValid());
    }

    QString infoFile() const { return QDir(m_sandbox->dir()).filePath(QStringLiteral("info.json")); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("DPS_SETUP_DATA_DIR"), m_dataDir.path());
        return env;
    }

    QStringList sandboxArgs() const { return {QStringLiteral("--cloud"), QStringLiteral("sandbox"), QStringLiteral("--sandbox-info"), infoFile()}; }

    // `setup` with everything new in the empty world's subscription.
    QStringList setupArgs(const QString &suffix, const QStringList &extra = {}) const
    {
        return QStringList{QStringLiteral("setup")} + sandboxArgs()
               + QStringList{QStringLiteral("--subscription"), m_sandbox->subscriptionId(0),
                             QStringLiteral("--resource-group"), QStringLiteral("rg-") + suffix,
                             QStringLiteral("--location"), QStringLiteral("westeurope"),
                             QStringLiteral("--dps"), QStringLiteral("dps-") + suffix,
                             QStringLiteral("--hub"), QStringLiteral("hub-") + suffix}
               + extra;
    }

    std::unique_ptr<QProcess> startCli(const QStringList &args, const QProcessEnvironment &env) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(DPS_SETUP_PATH), args);
        EXPECT_TRUE(p->waitForStarted(10000)) << str(p->errorString());
        return p;
    }

    CliResult runCli(const QStringList &args, const QProcessEnvironment &env, int timeoutMs = kRunTimeoutMs) const
    {
        auto p = startCli(args, env);
        return finish(*p, timeoutMs);
    }
    CliResult runCli(const QStringList &args) const { return runCli(args, environment()); }

    static CliResult finish(QProcess &p, int timeoutMs = kRunTimeoutMs)
    {
        CliResult r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            r.exitCode = -2;
        } else {
            r.exitCode = p.exitCode();
        }
        r.exitStatus = p.exitStatus();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    // Where the CLI keeps the run journal of setupArgs(suffix).
    QString journalFile(const QString &suffix) const
    {
        Setup::PlanInput in;
        in.subscriptionId = m_sandbox->subscriptionId(0);
        in.resourceGroup = QStringLiteral("rg-") + suffix;
        in.dpsName = QStringLiteral("dps-") + suffix;
        in.hubName = QStringLiteral("hub-") + suffix;
        return QDir(m_dataDir.path()).filePath(QStringLiteral("runs/%1.json").arg(in.journalKey()));
    }

    // Waits until the run journal holds a resume token for the hub: the process is inside the hub's LRO.
    bool waitForHubResumeToken(QProcess &p, const QString &suffix, int timeoutMs = kRunTimeoutMs) const
    {
        const QString path = journalFile(suffix);
        return QTest::qWaitFor([&] {
            if (p.state() == QProcess::NotRunning)
                return true;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return false;
            const QJsonObject j = QJsonDocument::fromJson(f.readAll()).object();
            return !j.value(QStringLiteral("resumeTokens")).toObject().value(QStringLiteral("hub")).toString().isEmpty();
        }, timeoutMs) && p.state() != QProcess::NotRunning;
    }

    std::unique_ptr<SandboxProcess> m_sandbox;
    QTemporaryDir m_dataDir;
};

const QRegularExpression kIdScope(QStringLiteral("^0ne[0-9A-F]{8}$"));

} // namespace

TEST(CommandLine, RecognisesItsVerbs)
{
    EXPECT_TRUE(Cli::isCommandLineInvocation({QStringLiteral("dps-setup"), QStringLiteral("setup")}));
    EXPECT_TRUE(Cli::isCommandLineInvocation({QStringLiteral("dps-setup"), QStringLiteral("show"), QStringLiteral("--json")}));
    EXPECT_TRUE(Cli::isCommandLineInvocation({QStringLiteral("dps-setup"), QStringLiteral("list")}));
    EXPECT_FALSE(Cli::isCommandLineInvocation({QStringLiteral("dps-setup")}));
    EXPECT_FALSE(Cli::isCommandLineInvocation({QStringLiteral("dps-setup"), QStringLiteral("--sandbox")}));
}

TEST_F(CliTest, SetupShowAndListPrintJson)
{
    startSandbox();
    const CliResult setup = runCli(setupArgs(QStringLiteral("cli"), {QStringLiteral("--policy"), QStringLiteral("geolatency"),
                                                                     QStringLiteral("--weight"), QStringLiteral("7"), QStringLiteral("--json")}));
    ASSERT_EQ(setup.exitCode, 0) << setup.describe();
    const QJsonObject doc = setup.json();
    EXPECT_EQ(doc.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded")) << setup.describe();
    const QJsonObject result = doc.value(QStringLiteral("result")).toObject();
    const QString idScope = result.value(QStringLiteral("idScope")).toString();
    EXPECT_TRUE(kIdScope.match(idScope).hasMatch()) << setup.describe();
    // Steps are reported with stable identifiers for scripts, whatever the UI language.
    QStringList stepStates;
    for (const auto &v : doc.value(QStringLiteral("steps")).toArray())
        stepStates << v.toObject().value(QStringLiteral("step")).toString() + QLatin1Char('=') + v.toObject().value(QStringLiteral("state")).toString();
    EXPECT_TRUE(stepStates.contains(QStringLiteral("dps=succeeded"))) << stepStates.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(stepStates.contains(QStringLiteral("hub=succeeded"))) << stepStates.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(stepStates.contains(QStringLiteral("link=succeeded"))) << stepStates.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(result.value(QStringLiteral("globalDeviceEndpoint")).toString(), QStringLiteral("global.azure-devices-provisioning.net"));
    EXPECT_FALSE(result.value(QStringLiteral("serviceEndpoint")).toString().isEmpty());
    EXPECT_EQ(result.value(QStringLiteral("hubHostName")).toString(), QStringLiteral("hub-cli.azure-devices.net"));
    EXPECT_EQ(result.value(QStringLiteral("allocationPolicy")).toString(), QStringLiteral("GeoLatency"));
    EXPECT_EQ(result.value(QStringLiteral("dps")).toString(), QStringLiteral("dps-cli"));
    EXPECT_EQ(doc.value(QStringLiteral("steps")).toArray().size(), 8); // with the two Microsoft.Devices registrations
    EXPECT_GT(doc.value(QStringLiteral("armRequests")).toInt(), 0);
    // Progress went to stderr, not into the JSON on stdout.
    EXPECT_TRUE(setup.err.contains("Running")) << setup.describe();
    EXPECT_FALSE(setup.out.contains("Running"));

    const CliResult show = runCli(QStringList{QStringLiteral("show")} + sandboxArgs()
                                  + QStringList{QStringLiteral("--subscription"), m_sandbox->subscriptionId(0), QStringLiteral("--resource-group"),
                                                QStringLiteral("rg-cli"), QStringLiteral("--dps"), QStringLiteral("dps-cli"), QStringLiteral("--json")});
    ASSERT_EQ(show.exitCode, 0) << show.describe();
    const QJsonObject shown = show.json();
    EXPECT_EQ(shown.value(QStringLiteral("idScope")).toString(), idScope);
    EXPECT_EQ(shown.value(QStringLiteral("globalDeviceEndpoint")).toString(), QStringLiteral("global.azure-devices-provisioning.net"));
    EXPECT_EQ(shown.value(QStringLiteral("serviceEndpoint")).toString(), result.value(QStringLiteral("serviceEndpoint")).toString());
    EXPECT_EQ(shown.value(QStringLiteral("allocationPolicy")).toString(), QStringLiteral("GeoLatency"));
    const QJsonArray linked = shown.value(QStringLiteral("linkedHubs")).toArray();
    ASSERT_EQ(linked.size(), 1) << show.describe();
    EXPECT_EQ(linked[0].toObject().value(QStringLiteral("hostName")).toString(), QStringLiteral("hub-cli.azure-devices.net"));
    EXPECT_EQ(linked[0].toObject().value(QStringLiteral("allocationWeight")).toInt(), 7);

    // Text output of show names the ID scope too.
    const CliResult showText = runCli(QStringList{QStringLiteral("show")} + sandboxArgs()
                                      + QStringList{QStringLiteral("--subscription"), m_sandbox->subscriptionId(0), QStringLiteral("--resource-group"),
                                                    QStringLiteral("rg-cli"), QStringLiteral("--dps"), QStringLiteral("dps-cli")});
    ASSERT_EQ(showText.exitCode, 0) << showText.describe();
    EXPECT_TRUE(showText.out.contains(idScope.toLatin1())) << showText.describe();

    const CliResult list = runCli(QStringList{QStringLiteral("list")} + sandboxArgs() + QStringList{QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0) << list.describe();
    const QJsonObject listed = list.json();
    const QJsonArray dps = listed.value(QStringLiteral("provisioningServices")).toArray();
    const QJsonArray hubs = listed.value(QStringLiteral("iotHubs")).toArray();
    ASSERT_EQ(dps.size(), 1) << list.describe();
    ASSERT_EQ(hubs.size(), 1) << list.describe();
    EXPECT_EQ(dps[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("dps-cli"));
    EXPECT_EQ(dps[0].toObject().value(QStringLiteral("idScope")).toString(), idScope);
    EXPECT_EQ(dps[0].toObject().value(QStringLiteral("resourceGroup")).toString(), QStringLiteral("rg-cli"));
    EXPECT_EQ(hubs[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("hub-cli"));
    EXPECT_EQ(hubs[0].toObject().value(QStringLiteral("hostName")).toString(), QStringLiteral("hub-cli.azure-devices.net"));

    // show of something that doesn't exist: exit 1 with the error in JSON.
    const CliResult missing = runCli(QStringList{QStringLiteral("show")} + sandboxArgs()
                                     + QStringList{QStringLiteral("--subscription"), m_sandbox->subscriptionId(0), QStringLiteral("--resource-group"),
                                                   QStringLiteral("rg-cli"), QStringLiteral("--dps"), QStringLiteral("no-such-dps"), QStringLiteral("--json")});
    EXPECT_EQ(missing.exitCode, 1) << missing.describe();
    EXPECT_EQ(missing.json().value(QStringLiteral("status")).toString(), QStringLiteral("failed")) << missing.describe();
}

TEST_F(CliTest, PlanPrintsTheCallsAndWritesNothing)
{
    startSandbox();
    const CliResult text = runCli(setupArgs(QStringLiteral("plan"), {QStringLiteral("--plan")}));
    ASSERT_EQ(text.exitCode, 0) << text.describe();
    EXPECT_TRUE(text.out.contains("PUT")) << text.describe();
    EXPECT_TRUE(text.out.contains("/IotHubs/hub-plan")) << text.describe();
    EXPECT_TRUE(text.out.contains("/provisioningServices/dps-plan")) << text.describe();
    EXPECT_TRUE(text.out.contains("listkeys")) << text.describe();

    // Without --policy a new DPS is created with Hashed, said in its creation; the plan's words come first.
    EXPECT_TRUE(text.out.contains("with the allocation policy Evenly weighted distribution")) << text.describe();
    EXPECT_LT(text.out.indexOf("New:"), text.out.indexOf("PUT")) << text.describe();

    const CliResult json = runCli(setupArgs(QStringLiteral("plan"), {QStringLiteral("--plan"), QStringLiteral("--policy"), QStringLiteral("geolatency"), QStringLiteral("--json")}));
    ASSERT_EQ(json.exitCode, 0) << json.describe();
    const QJsonObject doc = json.json();
    EXPECT_EQ(doc.value(QStringLiteral("status")).toString(), QStringLiteral("planned")) << json.describe();
    const QJsonArray calls = doc.value(QStringLiteral("calls")).toArray();
    ASSERT_GE(calls.size(), 8) << json.describe();
    // The calls of the steps (the checks' reads came before): resource group first, the DPS update last.
    EXPECT_EQ(calls.first().toObject().value(QStringLiteral("method")).toString(), QStringLiteral("PUT"));
    EXPECT_TRUE(calls.first().toObject().value(QStringLiteral("path")).toString().endsWith(QLatin1String("/resourcegroups/rg-plan")));
    int writes = 0;
    for (const auto &c : calls)
        writes += c.toObject().value(QStringLiteral("write")).toBool() ? 1 : 0;
    EXPECT_EQ(writes, 4) << json.describe(); // group, DPS (with its policy), hub, link
    EXPECT_EQ(doc.value(QStringLiteral("plan")).toObject().value(QStringLiteral("steps")).toArray().size(), 8) << json.describe();
    for (const auto &c : doc.value(QStringLiteral("checks")).toArray())
        EXPECT_TRUE(c.toObject().value(QStringLiteral("passed")).toBool()) << str(c.toObject().value(QStringLiteral("message")).toString());

    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_GT(log.entries.size(), 0); // the checks read
    EXPECT_TRUE(log.writes().isEmpty()) << str(log.dump());
}

TEST_F(CliTest, BadInputExitsTwoWithAClearMessageAndNoWrites)
{
    startSandbox();
    const CliResult badName = runCli(setupArgs(QStringLiteral("bad"), {QStringLiteral("--dps"), QStringLiteral("bad_name")}));
    EXPECT_EQ(badName.exitCode, 2) << badName.describe();
    EXPECT_TRUE(badName.err.contains("bad_name")) << badName.describe();
    EXPECT_TRUE(badName.err.contains("not valid")) << badName.describe();

    const CliResult badPolicy = runCli(setupArgs(QStringLiteral("bad"), {QStringLiteral("--policy"), QStringLiteral("random"), QStringLiteral("--json")}));
    EXPECT_EQ(badPolicy.exitCode, 2) << badPolicy.describe();
    EXPECT_TRUE(badPolicy.err.contains("random")) << badPolicy.describe();
    EXPECT_TRUE(badPolicy.err.contains("allocation policy")) << badPolicy.describe();
    EXPECT_EQ(badPolicy.json().value(QStringLiteral("status")).toString(), QStringLiteral("failed")) << badPolicy.describe();

    QStringList noSubscription = setupArgs(QStringLiteral("bad"));
    const int at = noSubscription.indexOf(QStringLiteral("--subscription"));
    noSubscription.remove(at, 2);
    const CliResult missing = runCli(noSubscription);
    EXPECT_EQ(missing.exitCode, 2) << missing.describe();
    EXPECT_TRUE(missing.err.contains("--subscription")) << missing.describe();

    const CliResult badWeight = runCli(setupArgs(QStringLiteral("bad"), {QStringLiteral("--weight"), QStringLiteral("lots")}));
    EXPECT_EQ(badWeight.exitCode, 2) << badWeight.describe();
    EXPECT_TRUE(badWeight.err.contains("--weight")) << badWeight.describe();

    const CliResult outOfRange = runCli(setupArgs(QStringLiteral("bad"), {QStringLiteral("--weight"), QStringLiteral("0")}));
    EXPECT_EQ(outOfRange.exitCode, 2) << outOfRange.describe();
    EXPECT_TRUE(outOfRange.err.contains("weight")) << outOfRange.describe();

    const CliResult unknownOption = runCli(setupArgs(QStringLiteral("bad"), {QStringLiteral("--frobnicate")}));
    EXPECT_EQ(unknownOption.exitCode, 2) << unknownOption.describe();
    EXPECT_TRUE(unknownOption.err.contains("frobnicate")) << unknownOption.describe();

    // Bad input is found before anything goes to Azure.
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_TRUE(log.entries.isEmpty()) << str(log.dump());
}

TEST_F(CliTest, RefusesAPlainHttpCloudAndSendsNothing)
{
    startSandbox();
    const CliResult literal = runCli({QStringLiteral("list"), QStringLiteral("--cloud"), QStringLiteral("custom"),
                                      QStringLiteral("--arm-endpoint"), QStringLiteral("http://management.example.com"),
                                      QStringLiteral("--authority"), QStringLiteral("https://login.example.com")});
    EXPECT_EQ(literal.exitCode, 2) << literal.describe();
    EXPECT_TRUE(literal.err.contains("http")) << literal.describe();

    // With a usable service principal and the sandbox as the authority, a refused ARM URL still means
    // no token request and no ARM request at all.
    QProcessEnvironment env = environment();
    const QJsonObject sp = m_sandbox->info().value(QStringLiteral("servicePrincipal")).toObject();
    env.insert(QStringLiteral("AZURE_TENANT_ID"), sp.value(QStringLiteral("tenantId")).toString());
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), sp.value(QStringLiteral("clientId")).toString());
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), sp.value(QStringLiteral("clientSecret")).toString());
    const QString sandboxUrl = m_sandbox->baseUrl().toString();
    const CliResult viaSandbox = runCli({QStringLiteral("setup"), QStringLiteral("--cloud"), QStringLiteral("custom"),
                                         QStringLiteral("--arm-endpoint"), QStringLiteral("http://management.example.com"),
                                         QStringLiteral("--authority"), sandboxUrl,
                                         QStringLiteral("--subscription"), m_sandbox->subscriptionId(0), QStringLiteral("--resource-group"),
                                         QStringLiteral("rg"), QStringLiteral("--location"), QStringLiteral("westeurope"), QStringLiteral("--dps"),
                                         QStringLiteral("dps-x"), QStringLiteral("--hub"), QStringLiteral("hub-x")},
                                        env);
    EXPECT_EQ(viaSandbox.exitCode, 2) << viaSandbox.describe();
    EXPECT_TRUE(viaSandbox.err.contains("management.example.com")) << viaSandbox.describe();

    const CliResult unknown = runCli({QStringLiteral("list"), QStringLiteral("--cloud"), QStringLiteral("moon")});
    EXPECT_EQ(unknown.exitCode, 2) << unknown.describe();
    EXPECT_TRUE(unknown.err.contains("moon")) << unknown.describe();

    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_TRUE(log.entries.isEmpty()) << str(log.dump());
}

TEST_F(CliTest, KillDuringTheHubLroThenARerunCompletesWithoutDuplicates)
{
    SandboxProcess::Options options;
    options.lroSeconds = QStringLiteral("0.3,4,0.3");
    startSandbox(options);
    const QStringList args = setupArgs(QStringLiteral("kill"), {QStringLiteral("--json")});
    auto first = startCli(args, environment());
    ASSERT_TRUE(waitForHubResumeToken(*first, QStringLiteral("kill"))) << finish(*first).describe();
    // The hub's creation is under way in "Azure".
    const RequestLog during = fetchRequestLog(*m_sandbox);
    ASSERT_EQ(during.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("hub-kill")); }), 1) << str(during.dump());
    first->kill(); // SIGKILL: no chance to clean up
    const CliResult killed = finish(*first);
    EXPECT_EQ(killed.exitStatus, QProcess::CrashExit) << killed.describe();

    const CliResult rerun = runCli(args);
    ASSERT_EQ(rerun.exitCode, 0) << rerun.describe();
    const QJsonObject doc = rerun.json();
    EXPECT_EQ(doc.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    EXPECT_TRUE(kIdScope.match(doc.value(QStringLiteral("result")).toObject().value(QStringLiteral("idScope")).toString()).hasMatch()) << rerun.describe();

    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("hub-kill")); }), 1) << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("dps-kill")) && e.status == 201; }), 1) << str(log.dump());
    // Beyond the one creation, the DPS only got its link PUT (Hashed is a new DPS's policy already).
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("dps-kill")); }), 2) << str(log.dump());
    // The re-run followed the hub's operation from the journaled resume token.
    const int resumed = log.indexOf([](const LoggedRequest &e) {
        return e.isPoll() && e.path.contains(QLatin1String("/IotHubs/hub-kill/"), Qt::CaseInsensitive);
    }, during.entries.size());
    EXPECT_GE(resumed, 0) << str(log.dump());

    // A third run finds everything done and writes nothing.
    clearRequestLog(*m_sandbox);
    const CliResult third = runCli(args);
    ASSERT_EQ(third.exitCode, 0) << third.describe();
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).writes().isEmpty());
}

TEST_F(CliTest, FullSetupOverHttps)
{
    SandboxProcess::Options options;
    options.tls = true;
    startSandbox(options);
    ASSERT_EQ(m_sandbox->baseUrl().scheme(), QStringLiteral("https"));
    ASSERT_FALSE(m_sandbox->info().value(QStringLiteral("caCertificateFile")).toString().isEmpty());
    const CliResult r = runCli(setupArgs(QStringLiteral("tls"), {QStringLiteral("--json")}));
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_TRUE(kIdScope.match(r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("idScope")).toString()).hasMatch()) << r.describe();
    EXPECT_EQ(r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("hubHostName")).toString(), QStringLiteral("hub-tls.azure-devices.net"));
}

TEST_F(CliTest, SigintAndSigtermCancelWithExit130)
{
    SandboxProcess::Options options;
    options.lroSeconds = QStringLiteral("0.3,4,0.3");
    startSandbox(options);

    auto interrupted = startCli(setupArgs(QStringLiteral("int"), {QStringLiteral("--json")}), environment());
    ASSERT_TRUE(waitForHubResumeToken(*interrupted, QStringLiteral("int"))) << finish(*interrupted).describe();
    ::kill(pid_t(interrupted->processId()), SIGINT);
    const CliResult r = finish(*interrupted, 10000);
    EXPECT_EQ(r.exitStatus, QProcess::NormalExit) << r.describe();
    EXPECT_EQ(r.exitCode, 130) << r.describe();
    EXPECT_EQ(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled")) << r.describe();
    EXPECT_TRUE(r.err.contains("Cancel")) << r.describe();

    auto terminated = startCli(setupArgs(QStringLiteral("term")), environment());
    ASSERT_TRUE(waitForHubResumeToken(*terminated, QStringLiteral("term"))) << finish(*terminated).describe();
    terminated->terminate(); // SIGTERM
    const CliResult t = finish(*terminated, 10000);
    EXPECT_EQ(t.exitStatus, QProcess::NormalExit) << t.describe();
    EXPECT_EQ(t.exitCode, 130) << t.describe();
}

TEST_F(CliTest, RegisterProviderLetsASetupInAnUnregisteredSubscriptionRun)
{
    SandboxProcess::Options options;
    options.world = QStringLiteral("demo");
    options.extraArgs = {QStringLiteral("--register-seconds"), QStringLiteral("0.3")};
    startSandbox(options);
    const QStringList args = QStringList{QStringLiteral("setup")} + sandboxArgs()
                             + QStringList{QStringLiteral("--subscription"), Demo::kDevTest, QStringLiteral("--resource-group"),
                                           QStringLiteral("dev-cli-rg"), QStringLiteral("--location"), QStringLiteral("northeurope"),
                                           QStringLiteral("--dps"), QStringLiteral("dev-cli-dps"), QStringLiteral("--hub"),
                                           QStringLiteral("dev-cli-hub"), QStringLiteral("--json")};
    // Without --register-provider: a failed check that says what to do, exit 2, nothing written.
    const CliResult refused = runCli(args);
    EXPECT_EQ(refused.exitCode, 2) << refused.describe();
    EXPECT_TRUE(refused.err.contains("Microsoft.Devices")) << refused.describe();
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).writes().isEmpty());

    const CliResult r = runCli(args + QStringList{QStringLiteral("--register-provider")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_TRUE(kIdScope.match(r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("idScope")).toString()).hasMatch()) << r.describe();
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.method == QLatin1String("POST") && e.path.endsWith(QLatin1String("/providers/Microsoft.Devices/register"), Qt::CaseInsensitive); }), 1)
        << str(log.dump());
}

// --create-access-policy: the DPS gets a dedicated policy with only RegistryWrite + ServiceConnect.
TEST_F(CliTest, CreateAccessPolicyLinksWithADedicatedLeastPrivilegePolicy)
{
    startSandbox();
    const CliResult setup = runCli(setupArgs(QStringLiteral("lp"), {QStringLiteral("--access-policy"), QStringLiteral("dps-lp"),
                                                                    QStringLiteral("--create-access-policy"), QStringLiteral("--json")}));
    ASSERT_EQ(setup.exitCode, 0) << setup.describe();
    HttpClient http(m_sandbox.get());
    http.setBearer(http.servicePrincipalToken());
    const QString hub = QStringLiteral("/subscriptions/%1/resourceGroups/rg-lp/providers/Microsoft.Devices/IotHubs/hub-lp")
                            .arg(m_sandbox->subscriptionId(0));
    const HttpResult keys = http.send("POST", http.arm(hub + QStringLiteral("/listkeys"), QStringLiteral("2023-06-30")));
    ASSERT_EQ(keys.status, 200) << keys.body.toStdString();
    QStringList rights;
    for (const auto &v : keys.json().value(QStringLiteral("value")).toArray()) {
        if (v.toObject().value(QStringLiteral("keyName")).toString() == QLatin1String("dps-lp"))
            rights << v.toObject().value(QStringLiteral("rights")).toString();
    }
    EXPECT_EQ(rights, QStringList{QStringLiteral("RegistryWrite, ServiceConnect")}) << keys.body.toStdString();
    const QString dps = QStringLiteral("/subscriptions/%1/resourceGroups/rg-lp/providers/Microsoft.Devices/provisioningServices/dps-lp")
                            .arg(m_sandbox->subscriptionId(0));
    const HttpResult got = http.get(http.arm(dps, QStringLiteral("2022-12-12")));
    ASSERT_EQ(got.status, 200);
    EXPECT_TRUE(got.body.contains("SharedAccessKeyName=dps-lp")) << got.body.toStdString();
    // A re-run finds the policy and the link in place and writes nothing new.
    const CliResult again = runCli(setupArgs(QStringLiteral("lp"), {QStringLiteral("--access-policy"), QStringLiteral("dps-lp"),
                                                                    QStringLiteral("--create-access-policy"), QStringLiteral("--json")}));
    ASSERT_EQ(again.exitCode, 0) << again.describe();
}

// ---- strict command line, exit codes that tell the cause (issue 9) --------------------------------

namespace {

// The environment of a process without any display: no window can open.
QProcessEnvironment headless(QProcessEnvironment env)
{
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    return env;
}

} // namespace

TEST(CommandLine, AnyFirstWordIsACommandAndTyposGetASuggestion)
{
    EXPECT_TRUE(Cli::isCommandLineInvocation({QStringLiteral("dps-setup"), QStringLiteral("frobnicate")}));
    EXPECT_FALSE(Cli::isCommandLineInvocation({QStringLiteral("dps-setup"), QStringLiteral("--lang"), QStringLiteral("de")}));
    EXPECT_EQ(Cli::commandSuggestion(QStringLiteral("setpu")), QStringLiteral("setup"));
    EXPECT_EQ(Cli::commandSuggestion(QStringLiteral("lsit")), QStringLiteral("list"));
    EXPECT_EQ(Cli::commandSuggestion(QStringLiteral("LOGOUT")), QStringLiteral("logout"));
    EXPECT_TRUE(Cli::commandSuggestion(QStringLiteral("frobnicate")).isEmpty());
}

TEST_F(CliTest, UnknownCommandsAndStrayArgumentsGetTheUsageAndExitTwoWithoutAWindow)
{
    startSandbox();
    const QProcessEnvironment env = headless(environment());
    const CliResult unknown = runCli({QStringLiteral("frobnicate")}, env, 10000);
    EXPECT_EQ(unknown.exitCode, 2) << unknown.describe();
    EXPECT_TRUE(unknown.err.contains("Unknown command 'frobnicate'")) << unknown.describe();
    EXPECT_TRUE(unknown.err.contains("Usage: dps-setup")) << unknown.describe();

    const CliResult typo = runCli({QStringLiteral("setpu"), QStringLiteral("--dps"), QStringLiteral("x")}, env, 10000);
    EXPECT_EQ(typo.exitCode, 2) << typo.describe();
    EXPECT_TRUE(typo.err.contains("Did you mean 'setup'?")) << typo.describe();

    // The desktop app's own options: a bad one or a stray word is refused before any window.
    const CliResult badOption = runCli({QStringLiteral("--sandbx")}, env, 10000);
    EXPECT_EQ(badOption.exitCode, 2) << badOption.describe();
    EXPECT_TRUE(badOption.err.contains("sandbx")) << badOption.describe();
    const CliResult strayGui = runCli({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("extra")}, env, 10000);
    EXPECT_EQ(strayGui.exitCode, 2) << strayGui.describe();
    EXPECT_TRUE(strayGui.err.contains("'extra'")) << strayGui.describe();

    // "--resource-group my group", unquoted: an error, not the group "my".
    QStringList args = setupArgs(QStringLiteral("stray"));
    args.insert(args.indexOf(QStringLiteral("rg-stray")) + 1, QStringLiteral("group"));
    const CliResult stray = runCli(args, env);
    EXPECT_EQ(stray.exitCode, 2) << stray.describe();
    EXPECT_TRUE(stray.err.contains("Unexpected argument 'group'")) << stray.describe();
    for (const QString &verb : {QStringLiteral("show"), QStringLiteral("list"), QStringLiteral("logout"), QStringLiteral("login")}) {
        const CliResult r = runCli({verb, QStringLiteral("surplus"), QStringLiteral("--help")}, env, 10000);
        EXPECT_EQ(r.exitCode, 0) << verb.toStdString() << ": --help wins " << r.describe();
        const CliResult s = runCli({verb, QStringLiteral("surplus")}, env, 10000);
        EXPECT_EQ(s.exitCode, 2) << verb.toStdString() << ": " << s.describe();
        EXPECT_TRUE(s.err.contains("Unexpected argument 'surplus'")) << s.describe();
    }
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).entries.isEmpty()) << str(fetchRequestLog(*m_sandbox).dump());
}

TEST_F(CliTest, ExitCodesTellFixTheCommandFromTryLaterFromSignInAgain)
{
    startSandbox();
    HttpClient admin(m_sandbox.get());
    auto inject = [&](const QJsonObject &fault) {
        ASSERT_EQ(admin.postJson(adminUrl(*m_sandbox, QStringLiteral("faults")), fault).status, 201);
    };
    auto clearFaults = [&] { admin.send("DELETE", adminUrl(*m_sandbox, QStringLiteral("faults"))); };

    // A name check that fails with 500 (every retry): Azure's trouble, try later -> 1.
    inject({{QStringLiteral("method"), QStringLiteral("POST")}, {QStringLiteral("path"), QStringLiteral("checkProvisioningServiceNameAvailability")},
            {QStringLiteral("status"), 500}, {QStringLiteral("count"), -1}});
    const CliResult nameCheck = runCli(setupArgs(QStringLiteral("codes")));
    EXPECT_EQ(nameCheck.exitCode, 1) << nameCheck.describe();
    clearFaults();

    // The token endpoint answers 500: not a wrong sign-in, try later -> 1.
    inject({{QStringLiteral("path"), QStringLiteral("/oauth2/v2.0/token")}, {QStringLiteral("status"), 500}, {QStringLiteral("count"), -1}});
    const CliResult tokenDown = runCli(setupArgs(QStringLiteral("codes")));
    EXPECT_EQ(tokenDown.exitCode, 1) << tokenDown.describe();
    clearFaults();

    // A wrong client secret: sign in again -> 3.
    QJsonObject info = m_sandbox->info();
    QJsonObject sp = info.value(QStringLiteral("servicePrincipal")).toObject();
    sp.insert(QStringLiteral("clientSecret"), QStringLiteral("obviously-wrong-test-secret"));
    info.insert(QStringLiteral("servicePrincipal"), sp);
    const QString wrongInfo = QDir(m_dataDir.path()).filePath(QStringLiteral("wrong-secret.json"));
    QFile f(wrongInfo);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(info).toJson());
    f.close();
    QStringList wrongSecretArgs = setupArgs(QStringLiteral("codes"));
    wrongSecretArgs[wrongSecretArgs.indexOf(infoFile())] = wrongInfo;
    const CliResult wrongSecret = runCli(wrongSecretArgs);
    EXPECT_EQ(wrongSecret.exitCode, 3) << wrongSecret.describe();

    // A finding the person must fix (a name against the naming rule) stays 2; nothing was written by any of them.
    const CliResult badName = runCli(setupArgs(QStringLiteral("codes"), {QStringLiteral("--hub"), QStringLiteral("-bad-")}));
    EXPECT_EQ(badName.exitCode, 2) << badName.describe();
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).writes().isEmpty()) << str(fetchRequestLog(*m_sandbox).dump());
}

// The bug of issue 9: the error callbacks read a freed subscription id (a crash under every failure).
TEST_F(CliTest, ListOfOneSubscriptionThatFailsSaysWhichAndExitsWithItsCause)
{
    startSandbox();
    const QString unknownSub = QStringLiteral("00000000-0000-0000-0000-00000000dead");
    const CliResult missing = runCli(QStringList{QStringLiteral("list")} + sandboxArgs() + QStringList{QStringLiteral("--subscription"), unknownSub});
    EXPECT_EQ(missing.exitStatus, QProcess::NormalExit) << missing.describe();
    EXPECT_EQ(missing.exitCode, 1) << missing.describe();
    EXPECT_TRUE(missing.err.contains(unknownSub.toLatin1())) << missing.describe();

    HttpClient admin(m_sandbox.get());
    ASSERT_EQ(admin.postJson(adminUrl(*m_sandbox, QStringLiteral("faults")),
                             {{QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("path"), QStringLiteral("/IotHubs$")},
                              {QStringLiteral("status"), 403}, {QStringLiteral("code"), QStringLiteral("AuthorizationFailed")}})
                  .status,
              201);
    const CliResult denied = runCli(QStringList{QStringLiteral("list")} + sandboxArgs()
                                    + QStringList{QStringLiteral("--subscription"), m_sandbox->subscriptionId(0), QStringLiteral("--json")});
    EXPECT_EQ(denied.exitStatus, QProcess::NormalExit) << denied.describe();
    EXPECT_EQ(denied.exitCode, 1) << denied.describe();
    EXPECT_TRUE(denied.err.contains(m_sandbox->subscriptionId(0).toLatin1())) << denied.describe();
    // What could be listed still is.
    EXPECT_TRUE(denied.json().contains(QStringLiteral("provisioningServices"))) << denied.describe();
}

// ---- security (issue 9) -----------------------------------------------------------------------------

TEST_F(CliTest, TheSandboxCloudNeverTakesTheEnvironmentsServicePrincipal)
{
    startSandbox();
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("11111111-1111-1111-1111-111111111111"));
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), QStringLiteral("22222222-2222-2222-2222-222222222222"));
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QStringLiteral("fake-ci-secret-never-to-leave"));
    const CliResult r = runCli(QStringList{QStringLiteral("list")} + sandboxArgs() + QStringList{QStringLiteral("--json")}, env);
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_TRUE(r.err.contains("sandbox's service principal")) << r.describe();
    EXPECT_TRUE(r.err.contains("AZURE_CLIENT_SECRET is ignored")) << r.describe();
    EXPECT_FALSE(r.err.contains("22222222-2222")) << r.describe();
}

TEST_F(CliTest, ASandboxInfoFileNamingAnotherHostIsRefusedBeforeAnyRequest)
{
    startSandbox();
    for (const QString &field : {QStringLiteral("armEndpoint"), QStringLiteral("authorityHost")}) {
        QJsonObject info = m_sandbox->info();
        info.insert(field, QStringLiteral("https://login.example.com/"));
        info.insert(QStringLiteral("caCertificate"), QStringLiteral("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"));
        const QString path = QDir(m_dataDir.path()).filePath(field + QStringLiteral(".json"));
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(info).toJson());
        f.close();
        const CliResult r = runCli({QStringLiteral("list"), QStringLiteral("--cloud"), QStringLiteral("sandbox"), QStringLiteral("--sandbox-info"), path});
        EXPECT_EQ(r.exitCode, 2) << field.toStdString() << ": " << r.describe();
        EXPECT_TRUE(r.err.contains("not on this computer")) << r.describe();
    }
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).entries.isEmpty());
}

TEST_F(CliTest, VerboseShowsTheRedactedHttpLog)
{
    startSandbox();
    QProcessEnvironment env = environment();
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    const CliResult quiet = runCli(QStringList{QStringLiteral("list")} + sandboxArgs(), env);
    ASSERT_EQ(quiet.exitCode, 0) << quiet.describe();
    EXPECT_FALSE(quiet.err.contains("api-version")) << quiet.describe();
    const CliResult verbose = runCli(QStringList{QStringLiteral("list"), QStringLiteral("--verbose")} + sandboxArgs(), env);
    ASSERT_EQ(verbose.exitCode, 0) << verbose.describe();
    EXPECT_TRUE(verbose.err.contains("GET")) << verbose.describe();
    EXPECT_TRUE(verbose.err.contains("api-version")) << verbose.describe();
    EXPECT_TRUE(verbose.err.contains("REDACTED")) << verbose.describe();
    const QByteArray secret = m_sandbox->info().value(QStringLiteral("servicePrincipal")).toObject().value(QStringLiteral("clientSecret")).toString().toUtf8();
    EXPECT_FALSE(verbose.err.contains(secret));
    EXPECT_FALSE(verbose.err.contains("eyJ")) << "a token in the log"; // JWTs start with eyJ
}

TEST_F(CliTest, ControlCharactersInServerTextAreEscapedOnTheTerminal)
{
    startSandbox();
    HttpClient admin(m_sandbox.get());
    ASSERT_EQ(admin.postJson(adminUrl(*m_sandbox, QStringLiteral("faults")),
                             {{QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("path"), QStringLiteral("/provisioningServices/dps-esc")},
                              {QStringLiteral("status"), 400}, {QStringLiteral("code"), QStringLiteral("BadRequest")}, {QStringLiteral("count"), -1},
                              {QStringLiteral("message"), QStringLiteral("\x1b]0;owned\x07\x1b[2Jcleared \xc2\x9b" "31m \x7f")}})
                  .status,
              201);
    const CliResult r = runCli(QStringList{QStringLiteral("show")} + sandboxArgs()
                               + QStringList{QStringLiteral("--subscription"), m_sandbox->subscriptionId(0), QStringLiteral("--resource-group"),
                                             QStringLiteral("rg"), QStringLiteral("--dps"), QStringLiteral("dps-esc")});
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    EXPECT_TRUE(r.err.contains("cleared")) << r.describe();
    EXPECT_FALSE(r.err.contains('\x1b')) << r.describe();
    EXPECT_FALSE(r.err.contains('\x07')) << r.describe();
    EXPECT_FALSE(r.err.contains("\xc2\x9b")) << r.describe();
    EXPECT_TRUE(r.err.contains("\\x1b")) << r.describe();
    EXPECT_FALSE(r.err.contains('\x7f')) << r.describe();

    // With --json the error is a JSON document on stdout: still free of controls, and still JSON
    // (DEL and the C1 controls are written as JSON's own \u00NN escapes).
    const CliResult j = runCli(QStringList{QStringLiteral("show"), QStringLiteral("--json")} + sandboxArgs()
                               + QStringList{QStringLiteral("--subscription"), m_sandbox->subscriptionId(0), QStringLiteral("--resource-group"),
                                             QStringLiteral("rg"), QStringLiteral("--dps"), QStringLiteral("dps-esc")});
    EXPECT_EQ(j.exitCode, 1) << j.describe();
    QJsonParseError parse;
    const QJsonObject doc = QJsonDocument::fromJson(j.out, &parse).object();
    ASSERT_EQ(parse.error, QJsonParseError::NoError) << j.describe();
    EXPECT_FALSE(j.out.contains('\x7f') || j.out.contains('\x1b') || j.out.contains("\xc2\x9b")) << j.describe();
    EXPECT_EQ(doc.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
              QStringLiteral("\x1b]0;owned\x07\x1b[2Jcleared \xc2\x9b" "31m \x7f"))
        << j.describe();
}

// --policy is optional: a new DPS gets Hashed, an existing one keeps its own.
TEST_F(CliTest, WithoutPolicyANewDpsGetsHashedAndAnExistingOneKeepsItsOwn)
{
    startSandbox();
    const CliResult first = runCli(setupArgs(QStringLiteral("keep"), {QStringLiteral("--json")}));
    ASSERT_EQ(first.exitCode, 0) << first.describe();
    EXPECT_EQ(first.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("allocationPolicy")).toString(), QStringLiteral("Hashed"));
    const CliResult toStatic = runCli(setupArgs(QStringLiteral("keep"), {QStringLiteral("--policy"), QStringLiteral("static"), QStringLiteral("--json")}));
    ASSERT_EQ(toStatic.exitCode, 0) << toStatic.describe();
    clearRequestLog(*m_sandbox);
    const CliResult again = runCli(setupArgs(QStringLiteral("keep"), {QStringLiteral("--json")}));
    ASSERT_EQ(again.exitCode, 0) << again.describe();
    EXPECT_EQ(again.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("allocationPolicy")).toString(), QStringLiteral("Static"))
        << again.describe();
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.method != QLatin1String("GET") && e.path.contains(QLatin1String("provisioningServices"), Qt::CaseInsensitive); }), 0)
        << str(log.dump());
    const CliResult plan = runCli(setupArgs(QStringLiteral("keep"), {QStringLiteral("--plan")}));
    ASSERT_EQ(plan.exitCode, 0) << plan.describe();
    EXPECT_TRUE(plan.out.contains("Keep the allocation policy Static configuration")) << plan.describe();
    EXPECT_TRUE(plan.out.contains("Nothing to do")) << plan.describe();
    EXPECT_FALSE(plan.out.contains("Change the allocation policy")) << plan.describe();
}
