// The setup engine (SetupEngine + SetupPlan) driven in-process against a real arm-sandbox process: the full
// flow with everything new and with existing resources, a hub in another subscription, idempotent re-runs,
// pre-flight checks (taken names, unregistered provider with its fix, the free-hub limit, bad input),
// cancel, and resuming an LRO from the run journal. Waits on signals, never sleeps.
#include "SetupTestSupport.h"
#include "setup/SetupEngine.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace Dps;
using namespace Dps::Setup;
using namespace Dps::Test;

namespace {

constexpr int kRunTimeoutMs = 20000;

std::string str(const QString &s)
{
    return s.toStdString();
}

// Everything an engine reported, with the time each step change arrived.
struct Recorder
{
    struct Change
    {
        StepStatus status;
        qint64 atMs;
    };
    QList<Change> changes;
    QList<QList<CheckResult>> checks;
    QList<SetupResult> results;
    QList<Arm::ArmError> errors;
    QObject context; // destroying the recorder disconnects it

    explicit Recorder(SetupEngine *engine)
    {
        QObject::connect(engine, &SetupEngine::stepChanged, &context,
                         [this](const StepStatus &s) { changes.append({s, QDateTime::currentMSecsSinceEpoch()}); });
        QObject::connect(engine, &SetupEngine::checksFinished, &context, [this](const QList<CheckResult> &c) { checks.append(c); });
        QObject::connect(engine, &SetupEngine::finished, &context, [this](const SetupResult &r) { results.append(r); });
        QObject::connect(engine, &SetupEngine::failed, &context, [this](const Arm::ArmError &e) { errors.append(e); });
    }
    bool done() const { return !results.isEmpty() || !errors.isEmpty(); }
    bool waitDone(int timeoutMs = kRunTimeoutMs) { return QTest::qWaitFor([this] { return done(); }, timeoutMs); }
    bool waitChecks(int count, int timeoutMs = kRunTimeoutMs)
    {
        return QTest::qWaitFor([this, count] { return checks.size() >= count || !errors.isEmpty(); }, timeoutMs);
    }
    // [first Running, terminal] of one step, in ms since the epoch (-1 when it never happened).
    std::pair<qint64, qint64> interval(StepId id) const
    {
        qint64 start = -1, end = -1;
        for (const auto &c : changes) {
            if (c.status.id != id)
                continue;
            if (c.status.state == StepState::Running && start < 0)
                start = c.atMs;
            if (c.status.isTerminal())
                end = c.atMs;
        }
        return {start, end};
    }
    const CheckResult *check(const QString &id, int round = -1) const
    {
        if (checks.isEmpty())
            return nullptr;
        const auto &list = round < 0 ? checks.last() : checks.at(round);
        for (const auto &c : list) {
            if (c.id == id)
                return &c;
        }
        return nullptr;
    }
    QString failedChecks() const
    {
        QStringList out;
        if (!checks.isEmpty()) {
            for (const auto &c : checks.last()) {
                if (!c.passed)
                    out << c.id + QStringLiteral(": ") + c.message;
            }
        }
        for (const auto &e : errors)
            out << QStringLiteral("error %1: %2").arg(e.code, e.userMessage());
        return out.join(QLatin1Char('\n'));
    }
};

StepState stateOf(const SetupEngine &engine, StepId id)
{
    for (const auto &s : engine.steps()) {
        if (s.id == id)
            return s.state;
    }
    return StepState::Pending;
}

bool isDone(StepState s)
{
    return s == StepState::Succeeded || s == StepState::AlreadyDone;
}

class SetupEngineTest : public ::testing::Test
{
protected:
    void startSandbox(SandboxProcess::Options options = {})
    {
        quietCoreLogs();
        m_sandbox = std::make_unique<SandboxProcess>(std::move(options));
        QString error;
        ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
        m_session = EngineSession::open(m_sandbox->info());
        ASSERT_TRUE(m_dataDir.isValid());
        m_journal = std::make_shared<RunJournal>(m_dataDir.filePath(QStringLiteral("runs")));
    }

    std::unique_ptr<SetupEngine> makeEngine(const PlanInput &input)
    {
        auto engine = std::make_unique<SetupEngine>(m_session->service.get(), m_journal);
        engine->setInput(input);
        engine->setPollIntervalMs(100);
        return engine;
    }

    // Everything new in the empty world's subscription.
    PlanInput newPlan(const QString &suffix) const
    {
        PlanInput in;
        in.subscriptionId = m_sandbox->subscriptionId(0);
        in.tenantId = m_session->tenantId;
        in.resourceGroup = QStringLiteral("rg-") + suffix;
        in.location = QStringLiteral("westeurope");
        in.dpsName = QStringLiteral("dps-") + suffix;
        in.hubName = QStringLiteral("hub-") + suffix;
        return in;
    }

    // Runs a whole setup and expects it to finish.
    SetupResult runToSuccess(SetupEngine &engine, Recorder &rec)
    {
        engine.start();
        EXPECT_TRUE(rec.waitDone()) << "the setup did not end";
        EXPECT_EQ(rec.errors.size(), 0) << str(rec.failedChecks());
        EXPECT_EQ(rec.results.size(), 1);
        return rec.results.value(0);
    }

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<EngineSession> m_session;
    QTemporaryDir m_dataDir;
    // The resume token of the hub's LRO in the plan's journal (empty until the hub's creation is accepted).
    QString journaledHubToken(const PlanInput &in) const
    {
        return m_journal->load(in.journalKey()).value(QStringLiteral("resumeTokens")).toObject().value(QStringLiteral("hub")).toString();
    }

    std::shared_ptr<RunJournal> m_journal;
};

const QRegularExpression kIdScope(QStringLiteral("^0ne[0-9A-F]{8}$"));

} // namespace

// ---- full flows ------------------------------------------------------------------------------

TEST_F(SetupEngineTest, CreatesEverythingNewWithDpsAndHubInParallel)
{
    startSandbox();
    PlanInput in = newPlan(QStringLiteral("full"));
    in.allocationPolicy = QStringLiteral("GeoLatency");
    in.link.allocationWeight = 3;
    auto engine = makeEngine(in);
    Recorder rec(engine.get());
    const SetupResult r = runToSuccess(*engine, rec);
    ASSERT_EQ(rec.results.size(), 1);

    EXPECT_TRUE(kIdScope.match(r.idScope).hasMatch()) << str(r.idScope);
    EXPECT_EQ(r.globalDeviceEndpoint, QStringLiteral("global.azure-devices-provisioning.net"));
    EXPECT_FALSE(r.serviceEndpoint.isEmpty());
    EXPECT_EQ(r.hubHostName, QStringLiteral("hub-full.azure-devices.net"));
    EXPECT_EQ(r.dps.name, QStringLiteral("dps-full"));
    EXPECT_EQ(r.hub.name, QStringLiteral("hub-full"));
    EXPECT_EQ(r.dps.allocationPolicy, QStringLiteral("GeoLatency"));
    ASSERT_EQ(r.dps.linkedHubs.size(), 1);
    EXPECT_EQ(r.dps.linkedHubs[0].hostName, r.hubHostName);
    EXPECT_EQ(r.dps.linkedHubs[0].allocationWeight, 3);
    EXPECT_TRUE(r.dps.linkedHubs[0].applyAllocationPolicy);
    EXPECT_EQ(r.toJson().value(QStringLiteral("idScope")).toString(), r.idScope);

    ASSERT_EQ(rec.checks.size(), 1);
    for (const char *id : {"subscription-enabled", "provider-registered", "dps-name", "hub-name", "location", "hub-location"}) {
        const CheckResult *c = rec.check(QLatin1String(id));
        ASSERT_NE(c, nullptr) << id;
        EXPECT_TRUE(c->passed) << id << ": " << str(c->message);
    }
    EXPECT_EQ(stateOf(*engine, StepId::ResourceGroup), StepState::Succeeded);
    EXPECT_EQ(stateOf(*engine, StepId::HubResourceGroup), StepState::AlreadyDone); // shared group
    for (StepId id : {StepId::Dps, StepId::Hub, StepId::Link})
        EXPECT_EQ(stateOf(*engine, id), StepState::Succeeded) << int(id);
    // The new DPS got its policy in its creation PUT: no step of its own.
    EXPECT_EQ(stateOf(*engine, StepId::Policy), StepState::AlreadyDone);
    for (const auto &s : engine->steps())
        EXPECT_TRUE(s.isTerminal());

    // DPS and hub ran at the same time: their Running intervals overlap ...
    const auto dps = rec.interval(StepId::Dps);
    const auto hub = rec.interval(StepId::Hub);
    ASSERT_GT(dps.first, 0);
    ASSERT_GT(hub.first, 0);
    EXPECT_LT(dps.first, hub.second);
    EXPECT_LT(hub.first, dps.second);
    // ... and the sandbox saw both creating PUTs before it was polled about either operation.
    const RequestLog log = fetchRequestLog(*m_sandbox);
    const int dpsPut = log.indexOf([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("dps-full")); });
    const int hubPut = log.indexOf([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("hub-full")); });
    const int firstPoll = log.indexOf([](const LoggedRequest &e) { return e.isPoll(); });
    ASSERT_GE(dpsPut, 0) << str(log.dump());
    ASSERT_GE(hubPut, 0) << str(log.dump());
    ASSERT_GE(firstPoll, 0) << str(log.dump());
    EXPECT_LT(dpsPut, firstPoll) << str(log.dump());
    EXPECT_LT(hubPut, firstPoll) << str(log.dump());
    // The link PUT comes after both resources exist; the policy came with the creation.
    const int linkPut = log.indexOf([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("dps-full")); }, dpsPut + 1);
    ASSERT_GT(linkPut, hubPut);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("hub-full")); }), 1);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("dps-full")); }), 2); // create (with the policy), link

    // Azure holds what the result says.
    HttpClient http(m_sandbox.get());
    http.setBearer(http.servicePrincipalToken());
    const QJsonObject body = http.get(http.arm(QStringLiteral("/subscriptions/%1/resourceGroups/rg-full/providers/Microsoft.Devices/provisioningServices/dps-full")
                                                   .arg(in.subscriptionId),
                                               Services::kDpsApiVersion))
                                 .json();
    const QJsonObject props = body.value(QStringLiteral("properties")).toObject();
    EXPECT_EQ(props.value(QStringLiteral("allocationPolicy")).toString(), QStringLiteral("GeoLatency"));
    EXPECT_EQ(props.value(QStringLiteral("idScope")).toString(), r.idScope);
    EXPECT_EQ(props.value(QStringLiteral("iotHubs")).toArray().size(), 1);

    // A finished run leaves no journal behind.
    EXPECT_TRUE(m_journal->load(in.journalKey()).isEmpty());
}

TEST_F(SetupEngineTest, UsesAnExistingHubAndCreatesTheDps)
{
    startSandbox({QStringLiteral("demo")});
    PlanInput in;
    in.subscriptionId = Demo::kProduction;
    in.tenantId = m_session->tenantId;
    in.resourceGroup = QStringLiteral("iot-shared-rg");
    in.createResourceGroup = false;
    in.location = QStringLiteral("eastus");
    in.dpsName = QStringLiteral("contoso-dps-new");
    in.hubName = QStringLiteral("contoso-hub-eus");
    in.createHub = false;
    auto engine = makeEngine(in);
    Recorder rec(engine.get());
    const SetupResult r = runToSuccess(*engine, rec);
    ASSERT_EQ(rec.results.size(), 1);

    EXPECT_EQ(stateOf(*engine, StepId::ResourceGroup), StepState::AlreadyDone);
    EXPECT_EQ(stateOf(*engine, StepId::Hub), StepState::AlreadyDone);
    EXPECT_EQ(stateOf(*engine, StepId::Dps), StepState::Succeeded);
    EXPECT_EQ(stateOf(*engine, StepId::Link), StepState::Succeeded);
    EXPECT_TRUE(kIdScope.match(r.idScope).hasMatch()) << str(r.idScope);
    EXPECT_EQ(r.hubHostName, QStringLiteral("contoso-hub-eus.azure-devices.net"));
    ASSERT_EQ(r.dps.linkedHubs.size(), 1);
    EXPECT_EQ(r.dps.linkedHubs[0].hostName, r.hubHostName);

    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("contoso-hub-eus")); }), 0) << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.method == QLatin1String("PUT") && e.path.contains(QLatin1String("resourcegroups/"), Qt::CaseInsensitive)
                                                              && !e.path.contains(QLatin1String("/providers/")); }),
              0)
        << str(log.dump());
}

TEST_F(SetupEngineTest, LinksAnExistingDpsToAnExistingHub)
{
    startSandbox({QStringLiteral("demo")});
    PlanInput in;
    in.subscriptionId = Demo::kProduction;
    in.tenantId = m_session->tenantId;
    in.resourceGroup = QStringLiteral("iot-shared-rg");
    in.createResourceGroup = false;
    in.dpsName = QStringLiteral("contoso-dps-staging");
    in.createDps = false;
    in.hubName = QStringLiteral("contoso-hub-eus");
    in.createHub = false;
    in.link.allocationWeight = 5;
    auto engine = makeEngine(in);
    Recorder rec(engine.get());
    const SetupResult r = runToSuccess(*engine, rec);
    ASSERT_EQ(rec.results.size(), 1);

    EXPECT_EQ(stateOf(*engine, StepId::Dps), StepState::AlreadyDone);
    EXPECT_EQ(stateOf(*engine, StepId::Hub), StepState::AlreadyDone);
    EXPECT_EQ(stateOf(*engine, StepId::Link), StepState::Succeeded);
    ASSERT_EQ(r.dps.linkedHubs.size(), 1);
    EXPECT_EQ(r.dps.linkedHubs[0].hostName, QStringLiteral("contoso-hub-eus.azure-devices.net"));
    EXPECT_EQ(r.dps.linkedHubs[0].allocationWeight, 5);

    // Nothing was created: the only writes are full PUTs of the existing DPS (201 would mean "created").
    const RequestLog log = fetchRequestLog(*m_sandbox);
    for (const auto &w : log.writes()) {
        EXPECT_TRUE(w.isDpsPut(QStringLiteral("contoso-dps-staging"))) << str(w.toString());
        EXPECT_NE(w.status, 201) << str(w.toString());
    }
}

TEST_F(SetupEngineTest, LinksAHubInAnotherSubscriptionOfTheSameTenant)
{
    startSandbox({QStringLiteral("demo")});
    // The DPS goes to Dev/Test (register Microsoft.Devices there first), the hub to Production.
    ASSERT_EQ(changeSubscription(*m_sandbox, Demo::kDevTest,
                                 QJsonObject{{QStringLiteral("providers"), QJsonObject{{QStringLiteral("Microsoft.Devices"), QStringLiteral("Registered")}}}}),
              200);
    PlanInput in;
    in.subscriptionId = Demo::kDevTest;
    in.tenantId = m_session->tenantId;
    in.resourceGroup = QStringLiteral("xsub-dps-rg");
    in.location = QStringLiteral("northeurope");
    in.dpsName = QStringLiteral("xsub-dps");
    in.hubSubscriptionId = Demo::kProduction;
    in.hubResourceGroup = QStringLiteral("xsub-hub-rg");
    in.hubName = QStringLiteral("xsub-hub");
    auto engine = makeEngine(in);
    Recorder rec(engine.get());
    const SetupResult r = runToSuccess(*engine, rec);
    ASSERT_EQ(rec.results.size(), 1);

    EXPECT_EQ(stateOf(*engine, StepId::ResourceGroup), StepState::Succeeded);
    EXPECT_EQ(stateOf(*engine, StepId::HubResourceGroup), StepState::Succeeded);
    EXPECT_TRUE(r.dps.id.contains(Demo::kDevTest, Qt::CaseInsensitive)) << str(r.dps.id);
    EXPECT_TRUE(r.hub.id.contains(Demo::kProduction, Qt::CaseInsensitive)) << str(r.hub.id);
    ASSERT_EQ(r.dps.linkedHubs.size(), 1);
    EXPECT_EQ(r.dps.linkedHubs[0].hostName, QStringLiteral("xsub-hub.azure-devices.net"));

    // The hub's key came from the hub's own subscription.
    const RequestLog log = fetchRequestLog(*m_sandbox);
    const int listKeys = log.indexOf([](const LoggedRequest &e) { return e.method == QLatin1String("POST") && e.path.endsWith(QLatin1String("/listkeys"), Qt::CaseInsensitive); });
    ASSERT_GE(listKeys, 0) << str(log.dump());
    EXPECT_TRUE(log.entries[listKeys].path.contains(Demo::kProduction)) << str(log.entries[listKeys].toString());
    EXPECT_TRUE(log.entries[listKeys].path.contains(QLatin1String("/IotHubs/xsub-hub/"), Qt::CaseInsensitive));
}

TEST_F(SetupEngineTest, RerunningAFinishedSetupChangesNothing)
{
    startSandbox();
    const PlanInput in = newPlan(QStringLiteral("again"));
    {
        auto engine = makeEngine(in);
        Recorder rec(engine.get());
        runToSuccess(*engine, rec);
    }
    clearRequestLog(*m_sandbox);

    auto engine = makeEngine(in);
    Recorder rec(engine.get());
    const SetupResult r = runToSuccess(*engine, rec);
    ASSERT_EQ(rec.results.size(), 1);
    for (const auto &s : engine->steps())
        EXPECT_EQ(s.state, StepState::AlreadyDone) << str(stepName(s.id));
    EXPECT_TRUE(kIdScope.match(r.idScope).hasMatch());
    EXPECT_EQ(r.hubHostName, QStringLiteral("hub-again.azure-devices.net"));

    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_GT(log.entries.size(), 0);
    EXPECT_TRUE(log.writes().isEmpty()) << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isPoll(); }), 0) << str(log.dump());
}

// ---- checks ----------------------------------------------------------------------------------

TEST_F(SetupEngineTest, TakenDpsNameFailsBeforeAnyWrite)
{
    startSandbox({QStringLiteral("demo")});
    PlanInput in;
    in.subscriptionId = Demo::kProduction;
    in.tenantId = m_session->tenantId;
    in.resourceGroup = QStringLiteral("another-rg");
    in.location = QStringLiteral("westeurope");
    in.dpsName = QStringLiteral("contoso-dps"); // exists in iot-prod-rg
    in.hubName = QStringLiteral("another-new-hub");
    auto engine = makeEngine(in);
    Recorder rec(engine.get());
    engine->start();
    ASSERT_TRUE(rec.waitDone());
    ASSERT_EQ(rec.errors.size(), 1);
    EXPECT_EQ(rec.results.size(), 0);
    EXPECT_EQ(rec.errors[0].kind, Arm::ArmError::Kind::Validation);
    EXPECT_TRUE(rec.errors[0].userMessage().contains(QLatin1String("contoso-dps"))) << str(rec.errors[0].userMessage());
    const CheckResult *c = rec.check(QStringLiteral("dps-name"));
    ASSERT_NE(c, nullptr) << str(rec.failedChecks());
    EXPECT_FALSE(c->passed);
    EXPECT_TRUE(c->message.contains(QLatin1String("taken"))) << str(c->message);
    EXPECT_FALSE(c->fix.isEmpty());
    const CheckResult *hubName = rec.check(QStringLiteral("hub-name"));
    ASSERT_NE(hubName, nullptr);
    EXPECT_TRUE(hubName->passed);
    for (const auto &s : engine->steps())
        EXPECT_NE(s.state, StepState::Running);

    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_TRUE(log.writes().isEmpty()) << str(log.dump());
}

TEST_F(SetupEngineTest, UnregisteredProviderIsAFixableCheck)
{
    SandboxProcess::Options options;
    options.world = QStringLiteral("demo");
    options.extraArgs = {QStringLiteral("--register-seconds"), QStringLiteral("0.3")};
    startSandbox(options);
    m_session->service->setProviderPollIntervalMs(100);
    PlanInput in;
    in.subscriptionId = Demo::kDevTest;
    in.tenantId = m_session->tenantId;
    in.resourceGroup = QStringLiteral("dev-new-rg");
    in.location = QStringLiteral("northeurope");
    in.dpsName = QStringLiteral("dev-dps-1");
    in.hubName = QStringLiteral("dev-hub-1");
    auto engine = makeEngine(in);
    Recorder rec(engine.get());
    engine->runChecks();
    ASSERT_TRUE(rec.waitChecks(1));
    ASSERT_TRUE(rec.errors.isEmpty()) << str(rec.failedChecks());
    const CheckResult *c = rec.check(QStringLiteral("provider-registered"), 0);
    ASSERT_NE(c, nullptr) << str(rec.failedChecks());
    EXPECT_FALSE(c->passed);
    EXPECT_TRUE(c->fixable);
    EXPECT_TRUE(c->message.contains(QLatin1String("Microsoft.Devices"))) << str(c->message);
    EXPECT_FALSE(engine->isRunning());
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).writes().isEmpty());

    engine->applyFix(QStringLiteral("provider-registered"));
    ASSERT_TRUE(rec.waitChecks(2));
    ASSERT_TRUE(rec.errors.isEmpty()) << str(rec.failedChecks());
    for (const auto &check : rec.checks.last())
        EXPECT_TRUE(check.passed) << str(check.id + QStringLiteral(": ") + check.message);
    const CheckResult *after = rec.check(QStringLiteral("provider-registered"));
    ASSERT_NE(after, nullptr);
    EXPECT_TRUE(after->passed);

    // The only write so far is the registration.
    const auto writes = fetchRequestLog(*m_sandbox).writes();
    ASSERT_EQ(writes.size(), 1);
    EXPECT_TRUE(writes[0].path.endsWith(QLatin1String("/providers/Microsoft.Devices/register"), Qt::CaseInsensitive)) << str(writes[0].toString());
}

TEST_F(SetupEngineTest, SecondFreeHubFailsTheFreeHubCheck)
{
    startSandbox();
    const QString sub = m_sandbox->subscriptionId(0);
    HttpClient http(m_sandbox.get());
    http.setBearer(http.servicePrincipalToken());
    ASSERT_EQ(http.putJson(http.arm(QStringLiteral("/subscriptions/%1/resourcegroups/free-rg").arg(sub), Services::kResourcesApiVersion),
                           QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")}})
                  .status / 100,
              2);
    const HttpResult hub = http.putJson(http.arm(QStringLiteral("/subscriptions/%1/resourceGroups/free-rg/providers/Microsoft.Devices/IotHubs/first-free-hub").arg(sub),
                                                 Services::kHubApiVersion),
                                        QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")},
                                                    {QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), QStringLiteral("F1")}, {QStringLiteral("capacity"), 1}}},
                                                    {QStringLiteral("properties"), QJsonObject{}}});
    ASSERT_EQ(hub.status / 100, 2) << hub.body.toStdString();
    clearRequestLog(*m_sandbox);

    PlanInput in = newPlan(QStringLiteral("free"));
    in.hubSku = QStringLiteral("F1");
    in.hubPartitions = 2;
    auto engine = makeEngine(in);
    Recorder rec(engine.get());
    engine->start();
    ASSERT_TRUE(rec.waitDone());
    ASSERT_EQ(rec.errors.size(), 1);
    EXPECT_EQ(rec.errors[0].kind, Arm::ArmError::Kind::Validation);
    const CheckResult *c = rec.check(QStringLiteral("free-hub-limit"));
    ASSERT_NE(c, nullptr) << str(rec.failedChecks());
    EXPECT_FALSE(c->passed);
    EXPECT_TRUE(c->message.contains(QLatin1String("first-free-hub"))) << str(c->message);
    EXPECT_FALSE(c->fix.isEmpty());
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).writes().isEmpty());
}

TEST_F(SetupEngineTest, InvalidInputFailsValidationWithoutCallingAzure)
{
    startSandbox();
    struct Case
    {
        const char *check;
        std::function<void(PlanInput &)> change;
    };
    const QList<Case> cases{
        {"dps-name", [](PlanInput &p) { p.dpsName = QStringLiteral("d"); }},
        {"dps-name", [](PlanInput &p) { p.dpsName = QStringLiteral("-dps"); }},
        {"dps-name", [](PlanInput &p) { p.dpsName = QStringLiteral("12345"); }},
        {"dps-name", [](PlanInput &p) { p.dpsName = QStringLiteral("dps_with_underscore"); }},
        {"dps-name", [](PlanInput &p) { p.dpsName = QString(51, QLatin1Char('a')); }},
        {"hub-name", [](PlanInput &p) { p.hubName = QStringLiteral("hub."); }},
        {"hub-name", [](PlanInput &p) { p.hubName = QStringLiteral("hub-"); }},
        {"resource-group-name", [](PlanInput &p) { p.resourceGroup = QStringLiteral("rg."); }},
        {"resource-group-name", [](PlanInput &p) { p.resourceGroup = QString(); }},
        {"hub-resource-group-name", [](PlanInput &p) { p.hubResourceGroup = QStringLiteral("bad/rg"); }},
        {"allocation-weight", [](PlanInput &p) { p.link.allocationWeight = 0; }},
        {"allocation-weight", [](PlanInput &p) { p.link.allocationWeight = 1001; }},
        {"allocation-policy", [](PlanInput &p) { p.allocationPolicy = QStringLiteral("Random"); }},
        {"allocation-policy", [](PlanInput &p) { p.allocationPolicy = QStringLiteral("hashed"); }},
        {"hub-sku", [](PlanInput &p) { p.hubSku = QStringLiteral("X9"); }},
        {"hub-units", [](PlanInput &p) { p.hubUnits = 0; }},
        {"hub-partitions", [](PlanInput &p) { p.hubSku = QStringLiteral("F1"); p.hubPartitions = 4; }},
        {"hub-partitions", [](PlanInput &p) { p.hubPartitions = 1; }},
        {"dps-units", [](PlanInput &p) { p.dpsUnits = 11; }},
        {"subscription", [](PlanInput &p) { p.subscriptionId.clear(); }},
        {"location", [](PlanInput &p) { p.location.clear(); }},
        {"hub-location", [](PlanInput &p) { p.location.clear(); p.createResourceGroup = false; p.createDps = false; }},
        {"access-policy", [](PlanInput &p) { p.link.accessPolicy = QStringLiteral("service"); }},
    };
    for (const auto &c : cases) {
        PlanInput in = newPlan(QStringLiteral("bad"));
        c.change(in);
        auto engine = makeEngine(in);
        Recorder rec(engine.get());
        engine->start();
        ASSERT_TRUE(rec.waitDone(2000)) << c.check;
        ASSERT_EQ(rec.errors.size(), 1) << c.check;
        EXPECT_EQ(rec.results.size(), 0) << c.check;
        EXPECT_EQ(rec.errors[0].kind, Arm::ArmError::Kind::Validation) << c.check;
        EXPECT_FALSE(rec.errors[0].userMessage().isEmpty()) << c.check;
        const CheckResult *check = rec.check(QLatin1String(c.check));
        ASSERT_NE(check, nullptr) << c.check << ": " << str(rec.failedChecks());
        EXPECT_FALSE(check->passed) << c.check;
        EXPECT_FALSE(check->message.isEmpty()) << c.check;
        EXPECT_FALSE(check->fix.isEmpty()) << c.check;
        EXPECT_FALSE(engine->isRunning()) << c.check;
    }
    // Nothing at all went to Azure (not even a token request).
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_TRUE(log.entries.isEmpty()) << str(log.dump());
}

// ---- cancel and resume -----------------------------------------------------------------------

TEST_F(SetupEngineTest, CancelDuringTheHubLroThenARerunCreatesNothingTwice)
{
    SandboxProcess::Options options;
    options.lroSeconds = QStringLiteral("0.3,3,0.2");
    startSandbox(options);
    const PlanInput in = newPlan(QStringLiteral("cancel"));
    auto first = makeEngine(in);
    Recorder rec(first.get());
    first->start();
    // Cancel once the DPS is done and the hub's creation is being polled (its resume token is journaled).
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return rec.done()
               || (stateOf(*first, StepId::Dps) == StepState::Succeeded && stateOf(*first, StepId::Hub) == StepState::Running
                   && !journaledHubToken(in).isEmpty());
    }, kRunTimeoutMs));
    ASSERT_FALSE(rec.done()) << str(rec.failedChecks());
    first->cancel();
    ASSERT_TRUE(rec.waitDone(5000));
    ASSERT_EQ(rec.errors.size(), 1);
    EXPECT_TRUE(rec.errors[0].isCancelled());
    EXPECT_EQ(rec.results.size(), 0);
    EXPECT_FALSE(first->isRunning());
    EXPECT_EQ(stateOf(*first, StepId::Hub), StepState::Cancelled);
    EXPECT_EQ(stateOf(*first, StepId::Dps), StepState::Succeeded);
    const StepState link = stateOf(*first, StepId::Link);
    EXPECT_TRUE(link == StepState::Cancelled || link == StepState::Blocked) << str(stateName(link));
    EXPECT_EQ(stateOf(*first, StepId::Policy), StepState::AlreadyDone); // the new DPS is created with its policy
    for (const auto &s : first->steps())
        EXPECT_NE(s.state, StepState::Failed) << str(stepName(s.id));
    // The journal survives a cancelled run.
    EXPECT_FALSE(m_journal->load(in.journalKey()).isEmpty());

    auto second = makeEngine(in);
    Recorder rec2(second.get());
    const SetupResult r = runToSuccess(*second, rec2);
    ASSERT_EQ(rec2.results.size(), 1);
    EXPECT_EQ(stateOf(*second, StepId::Dps), StepState::AlreadyDone);
    EXPECT_TRUE(isDone(stateOf(*second, StepId::Hub)));
    EXPECT_EQ(r.dps.linkedHubs.size(), 1);

    // The first engine said nothing more after its one failed().
    EXPECT_EQ(rec.errors.size(), 1);
    EXPECT_EQ(rec.results.size(), 0);

    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("hub-cancel")); }), 1) << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("dps-cancel")) && e.status == 201; }), 1) << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.status == 201; }), 3) << str(log.dump()); // group, DPS, hub
    // Besides its creation the DPS got only the link PUT (Hashed is already a new DPS's policy).
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("dps-cancel")); }), 2) << str(log.dump());
}

TEST_F(SetupEngineTest, ResumesTheHubLroFromTheJournalAfterTheEngineIsDestroyed)
{
    SandboxProcess::Options options;
    options.lroSeconds = QStringLiteral("0.3,2,0.2");
    startSandbox(options);
    const PlanInput in = newPlan(QStringLiteral("resume"));
    {
        auto first = makeEngine(in);
        Recorder rec(first.get());
        first->start();
        ASSERT_TRUE(QTest::qWaitFor([&] {
            return rec.done()
                   || !journaledHubToken(in).isEmpty();
        }, kRunTimeoutMs));
        ASSERT_FALSE(rec.done()) << str(rec.failedChecks());
        EXPECT_EQ(stateOf(*first, StepId::Hub), StepState::Running);
        // Destroyed mid-LRO, like a process that goes away.
    }
    const int before = fetchRequestLog(*m_sandbox).entries.size();
    // A destroyed engine stops its work: its operations don't go on polling (the DPS's next poll was due
    // within 0.3 s).
    EXPECT_FALSE(QTest::qWaitFor([&] { return fetchRequestLog(*m_sandbox).entries.size() > before; }, 700))
        << str(fetchRequestLog(*m_sandbox).dump());
    ASSERT_EQ(fetchRequestLog(*m_sandbox).entries.size(), before);
    const QString token = journaledHubToken(in);
    ASSERT_FALSE(token.isEmpty());

    auto second = makeEngine(in);
    Recorder rec(second.get());
    const SetupResult r = runToSuccess(*second, rec);
    ASSERT_EQ(rec.results.size(), 1);
    EXPECT_EQ(r.hubHostName, QStringLiteral("hub-resume.azure-devices.net"));
    ASSERT_EQ(r.dps.linkedHubs.size(), 1);

    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("hub-resume")); }), 1) << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("dps-resume")) && e.status == 201; }), 1) << str(log.dump());
    // The second engine followed the journaled operation (its status URL), not a new one.
    const int resumedPoll = log.indexOf([](const LoggedRequest &e) {
        return e.isPoll() && e.path.contains(QLatin1String("/IotHubs/hub-resume/"), Qt::CaseInsensitive);
    }, before);
    EXPECT_GE(resumedPoll, 0) << str(log.dump());
    EXPECT_TRUE(m_journal->load(in.journalKey()).isEmpty());
}

TEST_F(SetupEngineTest, AFailedDpsEndsTheRunOnceTheHubIsDone)
{
    SandboxProcess::Options options;
    options.lroSeconds = QStringLiteral("0.2,0.8,0.2");
    startSandbox(options);
    // The DPS's creation fails in "Azure" while the hub's is still running.
    HttpClient http(m_sandbox.get());
    ASSERT_EQ(http.postJson(adminUrl(*m_sandbox, QStringLiteral("faults")),
                            QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                                        {QStringLiteral("path"), QStringLiteral("provisioningServices/dps-")},
                                        {QStringLiteral("failLro"), true}})
                  .status,
              201);
    const PlanInput in = newPlan(QStringLiteral("dpsfails"));
    auto engine = makeEngine(in);
    Recorder rec(engine.get());
    engine->start();
    ASSERT_TRUE(rec.waitDone(10000)) << "the run never ended";
    ASSERT_EQ(rec.errors.size(), 1);
    EXPECT_EQ(rec.results.size(), 0);
    EXPECT_FALSE(rec.errors[0].isCancelled());
    EXPECT_EQ(stateOf(*engine, StepId::Dps), StepState::Failed);
    EXPECT_EQ(stateOf(*engine, StepId::Hub), StepState::Succeeded);
    EXPECT_EQ(stateOf(*engine, StepId::Link), StepState::Blocked);
    EXPECT_EQ(stateOf(*engine, StepId::Policy), StepState::AlreadyDone); // nothing of its own: the creation carries it
    EXPECT_FALSE(engine->isRunning());
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.method == QLatin1String("POST") && e.path.endsWith(QLatin1String("/listkeys")); }), 0);
}

TEST_F(SetupEngineTest, CancelDuringTheChecksFailsOnceAndWritesNothing)
{
    startSandbox();
    auto engine = makeEngine(newPlan(QStringLiteral("cancelchecks")));
    Recorder rec(engine.get());
    engine->start();
    engine->cancel();
    ASSERT_TRUE(rec.waitDone(5000));
    ASSERT_EQ(rec.errors.size(), 1);
    EXPECT_TRUE(rec.errors[0].isCancelled());
    // The cancelled check calls come back later; they must not report a second end.
    EXPECT_FALSE(QTest::qWaitFor([&] { return rec.errors.size() + rec.results.size() > 1; }, 500));
    EXPECT_EQ(rec.errors.size(), 1);
    EXPECT_FALSE(engine->isRunning());
    for (const auto &s : engine->steps())
        EXPECT_TRUE(s.state == StepState::Cancelled || s.state == StepState::Pending) << str(stepName(s.id));
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).writes().isEmpty());

    // The same engine runs again afterwards.
    Recorder again(engine.get());
    const SetupResult r = runToSuccess(*engine, again);
    EXPECT_EQ(again.results.size(), 1);
    EXPECT_EQ(rec.errors.size(), 1);
    EXPECT_TRUE(kIdScope.match(r.idScope).hasMatch());
}

TEST_F(SetupEngineTest, UnknownRegionFailsTheRegionCheck)
{
    startSandbox();
    PlanInput in = newPlan(QStringLiteral("region"));
    in.hubLocation = QStringLiteral("atlantis");
    auto engine = makeEngine(in);
    Recorder rec(engine.get());
    engine->start();
    ASSERT_TRUE(rec.waitDone());
    ASSERT_EQ(rec.errors.size(), 1);
    EXPECT_EQ(rec.errors[0].kind, Arm::ArmError::Kind::Validation);
    const CheckResult *dps = rec.check(QStringLiteral("location"));
    ASSERT_NE(dps, nullptr);
    EXPECT_TRUE(dps->passed);
    const CheckResult *hub = rec.check(QStringLiteral("hub-location"));
    ASSERT_NE(hub, nullptr);
    EXPECT_FALSE(hub->passed);
    EXPECT_TRUE(hub->message.contains(QLatin1String("atlantis"))) << str(hub->message);
    EXPECT_TRUE(hub->fix.contains(QLatin1String("westeurope"))) << str(hub->fix);
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).writes().isEmpty());
}

TEST_F(SetupEngineTest, FinishesAnInterruptedCreationByPollingWhenNoTokenWasJournaled)
{
    SandboxProcess::Options options;
    options.lroSeconds = QStringLiteral("0.3,1.5,0.2");
    startSandbox(options);
    const PlanInput in = newPlan(QStringLiteral("notoken"));
    {
        // A run that kept no journal (as if killed before the PUT's answer was written down).
        SetupEngine first(m_session->service.get(), nullptr);
        first.setInput(in);
        Recorder rec(&first);
        first.start();
        ASSERT_TRUE(QTest::qWaitFor([&] {
            return rec.done() || fetchRequestLog(*m_sandbox).count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("hub-notoken")); }) > 0;
        }, kRunTimeoutMs));
        ASSERT_FALSE(rec.done());
    }
    EXPECT_TRUE(m_journal->load(in.journalKey()).isEmpty());

    auto second = makeEngine(in);
    Recorder rec(second.get());
    const SetupResult r = runToSuccess(*second, rec);
    ASSERT_EQ(rec.results.size(), 1);
    EXPECT_EQ(r.hubHostName, QStringLiteral("hub-notoken.azure-devices.net"));
    EXPECT_EQ(r.dps.linkedHubs.size(), 1);
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("hub-notoken")); }), 1) << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("dps-notoken")) && e.status == 201; }), 1) << str(log.dump());
}
