// The state matrix against a real arm-sandbox: new / existing DPS x new / existing hub x not linked /
// linked with another weight / linked identically x same / other subscription x Microsoft.Devices
// registered / not. For each state the engine reads Azure and makes the plan; the test checks its
// words and calls, runs it, and compares what the run wrote (the sandbox's request log: method and
// path of every write) and what changed (the DPS read back: policy, link weight and apply flag) with
// what the plan said. A re-run then plans nothing and writes nothing. The same for the command line
// (`setup --plan --json`, then the run).
#include "SetupTestSupport.h"
#include "setup/SetupEngine.h"

#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace Dps;
using namespace Dps::Setup;
using namespace Dps::Test;

namespace {

constexpr int kTimeoutMs = 30000;

std::string str(const QString &s)
{
    return s.toStdString();
}

enum class Linked { No, OtherWeight, Identically };

struct Scenario
{
    const char *name;
    bool dpsExists = false;
    bool hubExists = false;
    Linked linked = Linked::No;
    bool otherSubscription = false;
    bool registered = true;          // Microsoft.Devices in the subscription of what is new
    QString policy = QStringLiteral("Hashed"); // wanted ("" keeps the DPS's)
    // What the plan must say.
    StepAction dps = StepAction::Create;
    StepAction hub = StepAction::Create;
    StepAction link = StepAction::Create;
    StepAction policyStep = StepAction::Nothing;
    StepAction hubProvider = StepAction::Nothing;
    StepAction provider = StepAction::Nothing;
    int dpsPuts = 2;                 // PUTs of the DPS (creation, update)
    QStringList texts;               // sentences the plan must contain
};

// An existing DPS has the policy Static; an existing link weight 1, apply on. Every scenario wants
// weight 3, apply on.
const QList<Scenario> &scenarios()
{
    static const QList<Scenario> list = [] {
        QList<Scenario> s;
        s.append({"AllNew", false, false, Linked::No, false, true, QStringLiteral("GeoLatency")});
        {
            Scenario c{"AllNewHubInAnUnregisteredSubscription", false, false, Linked::No, true, false, QStringLiteral("GeoLatency")};
            c.hubProvider = StepAction::Register;
            c.texts << QStringLiteral("Register the resource provider Microsoft.Devices in the subscription ") + Demo::kDevTest;
            s.append(c);
        }
        {
            Scenario c{"AllNewDpsSubscriptionUnregistered", false, false, Linked::No, false, false, QStringLiteral("Static")};
            c.provider = StepAction::Register;
            s.append(c);
        }
        s.append({"AllNewHubInAnotherRegisteredSubscription", false, false, Linked::No, true, true});
        {
            Scenario c{"NewDpsExistingHub", false, true, Linked::No, false, true};
            c.hub = StepAction::Nothing;
            c.texts << QStringLiteral("Use the existing IoT hub");
            s.append(c);
        }
        {
            Scenario c{"NewDpsExistingHubInAnotherSubscription", false, true, Linked::No, true, true};
            c.hub = StepAction::Nothing;
            s.append(c);
        }
        {
            Scenario c{"ExistingStaticDpsNewHub", true, false, Linked::No, false, true};
            c.dps = StepAction::Nothing;
            c.link = StepAction::Update;
            c.dpsPuts = 1; // link and policy together
            c.texts << QStringLiteral("Change the allocation policy from Static configuration to Evenly weighted distribution");
            s.append(c);
        }
        {
            Scenario c{"ExistingDpsNewHubInAnUnregisteredSubscription", true, false, Linked::No, true, false, QString()};
            c.dps = StepAction::Nothing;
            c.link = StepAction::Update;
            c.hubProvider = StepAction::Register;
            c.dpsPuts = 1;
            s.append(c);
        }
        {
            Scenario c{"ExistingBothNotLinked", true, true, Linked::No, false, true};
            c.dps = c.hub = StepAction::Nothing;
            c.link = StepAction::Update;
            c.dpsPuts = 1;
            s.append(c);
        }
        {
            Scenario c{"ExistingBothLinkedWithAnotherWeight", true, true, Linked::OtherWeight, false, true};
            c.dps = c.hub = StepAction::Nothing;
            c.link = StepAction::Update;
            c.dpsPuts = 1;
            c.texts << QStringLiteral("Change the allocation weight of the link to 'mx-hub-%1' from 1 to 3")
                    << QStringLiteral("Change the allocation policy from Static configuration to Evenly weighted distribution");
            s.append(c);
        }
        {
            Scenario c{"ExistingBothLinkedWithAnotherWeightKeepingThePolicy", true, true, Linked::OtherWeight, false, true, QString()};
            c.dps = c.hub = StepAction::Nothing;
            c.link = StepAction::Update;
            c.dpsPuts = 1;
            c.texts << QStringLiteral("Keep the allocation policy Static configuration");
            s.append(c);
        }
        {
            Scenario c{"ExistingBothLinkedIdenticallyPolicyChanges", true, true, Linked::Identically, false, true, QStringLiteral("GeoLatency")};
            c.dps = c.hub = StepAction::Nothing;
            c.link = StepAction::Nothing;
            c.policyStep = StepAction::Update;
            c.dpsPuts = 1;
            c.texts << QStringLiteral("Change the allocation policy from Static configuration to Lowest latency");
            s.append(c);
        }
        {
            Scenario c{"ExistingBothLinkedIdentically", true, true, Linked::Identically, false, true, QStringLiteral("Static")};
            c.dps = c.hub = StepAction::Nothing;
            c.link = StepAction::Nothing;
            c.dpsPuts = 0;
            c.texts << QStringLiteral("already linked");
            s.append(c);
        }
        {
            Scenario c{"ExistingBothAcrossSubscriptionsLinkedWithAnotherWeight", true, true, Linked::OtherWeight, true, true};
            c.dps = c.hub = StepAction::Nothing;
            c.link = StepAction::Update;
            c.dpsPuts = 1;
            s.append(c);
        }
        return s;
    }();
    return list;
}

template<typename T>
T await(Services::ServiceCall *call)
{
    QSignalSpy done(call, &Services::ServiceCall::finished);
    QSignalSpy failed(call, &Services::ServiceCall::failed);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, kTimeoutMs));
    EXPECT_TRUE(failed.isEmpty()) << (failed.isEmpty() ? std::string() : str(failed.first().first().value<Arm::ArmError>().technicalDetails()));
    return done.isEmpty() ? T() : done.first().first().value<T>();
}

void awaitOperation(Arm::ArmOperation *op)
{
    QSignalSpy done(op, &Arm::ArmOperation::finished);
    QSignalSpy failed(op, &Arm::ArmOperation::failed);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, kTimeoutMs));
    ASSERT_TRUE(failed.isEmpty()) << str(failed.first().first().value<Arm::ArmError>().technicalDetails());
}

// "PUT /subscriptions/.../x" for every write the sandbox saw, sorted (steps run side by side).
QStringList writesOf(const RequestLog &log)
{
    QStringList out;
    for (const auto &e : log.writes())
        out << QStringLiteral("%1 %2").arg(e.method, e.path.toLower());
    std::sort(out.begin(), out.end());
    return out;
}

QStringList writeCalls(const Plan &plan)
{
    QStringList out;
    for (const auto &c : plan.writes())
        out << QStringLiteral("%1 %2").arg(c.method, c.path.toLower());
    return out;
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

class PlanFixture : public ::testing::Test
{
protected:
    static SandboxProcess *s_sandbox;
    static EngineSession *s_session;

    static void SetUpTestSuite()
    {
        quietCoreLogs();
        SandboxProcess::Options options;
        options.world = QStringLiteral("demo");
        options.lroSeconds = QStringLiteral("0.3,0.5,0.2");
        options.extraArgs = {QStringLiteral("--register-seconds"), QStringLiteral("0.5")};
        s_sandbox = new SandboxProcess(options);
        QString error;
        ASSERT_TRUE(s_sandbox->start(&error)) << str(error);
        s_session = EngineSession::open(s_sandbox->info()).release();
        s_session->service->setProviderPollIntervalMs(100);
    }
    static void TearDownTestSuite()
    {
        delete s_session;
        s_session = nullptr;
        delete s_sandbox;
        s_sandbox = nullptr;
    }

    static void setRegistered(const QString &subscription, bool registered)
    {
        ASSERT_EQ(changeSubscription(*s_sandbox, subscription,
                                     QJsonObject{{QStringLiteral("providers"),
                                                  QJsonObject{{QStringLiteral("Microsoft.Devices"),
                                                               registered ? QStringLiteral("Registered") : QStringLiteral("NotRegistered")}}}}),
                  200);
    }

    Services::AzureService &service() { return *s_session->service; }

    // The choices of scenario `s`: DPS in Production (or Dev/Test when its subscription is the
    // unregistered one), the hub beside it or in Dev/Test.
    PlanInput choicesFor(const Scenario &s, const QString &id) const
    {
        PlanInput in;
        const bool dpsInDevTest = !s.registered && !s.otherSubscription;
        in.subscriptionId = dpsInDevTest ? Demo::kDevTest : Demo::kProduction;
        in.tenantId = s_session->tenantId;
        in.resourceGroup = QStringLiteral("mx-rg-") + id;
        in.location = QStringLiteral("westeurope");
        in.dpsName = QStringLiteral("mx-dps-") + id;
        in.hubName = QStringLiteral("mx-hub-") + id;
        in.createDps = !s.dpsExists;
        in.createHub = !s.hubExists;
        if (s.otherSubscription) {
            in.hubSubscriptionId = Demo::kDevTest;
            in.hubResourceGroup = QStringLiteral("mx-hub-rg-") + id;
            in.createHubResourceGroup = true;
        }
        in.link.allocationWeight = 3;
        in.allocationPolicy = s.policy;
        in.registerProviders = true;
        return in;
    }

    // Builds what the scenario says exists, with the service (not the engine under test).
    void prepare(const Scenario &s, const PlanInput &in)
    {
        // Dev/Test is unregistered where the scenario says so, registered where an existing hub lives.
        setRegistered(Demo::kDevTest, s.registered || (s.otherSubscription && s.hubExists));
        if (s.dpsExists || s.hubExists)
            await<Arm::ResourceGroup>(service().createResourceGroup(in.subscriptionId, in.resourceGroup, in.location));
        if (s.hubExists && s.otherSubscription)
            await<Arm::ResourceGroup>(service().createResourceGroup(in.effectiveHubSubscription(), in.effectiveHubResourceGroup(), in.location));
        if (s.dpsExists)
            awaitOperation(service().createDps(in.dpsRef(), in.location, 1, QStringLiteral("Static")));
        if (s.hubExists)
            awaitOperation(service().createHub(in.hubRef(), in.location));
        if (s.linked != Linked::No) {
            Services::LinkOptions link;
            link.allocationWeight = s.linked == Linked::Identically ? 3 : 1;
            awaitOperation(service().configureDps(in.dpsRef(), in.hubRef(), link, QString()));
        }
        if (!s.registered)
            setRegistered(Demo::kDevTest, false);
    }

    // Runs the checks alone: the plan the person would review.
    Plan planOf(const PlanInput &in)
    {
        SetupEngine engine(&service(), std::make_shared<RunJournal>(m_data.path()));
        engine.setInput(in);
        QSignalSpy checks(&engine, &SetupEngine::checksFinished);
        QSignalSpy failed(&engine, &SetupEngine::failed);
        engine.runChecks();
        EXPECT_TRUE(QTest::qWaitFor([&] { return !checks.isEmpty() || !failed.isEmpty(); }, kTimeoutMs));
        EXPECT_TRUE(engine.hasPlan()) << (checks.isEmpty() ? std::string("no checks") : [&] {
            QStringList out;
            for (const auto &c : checks.first().first().value<QList<CheckResult>>())
                out << c.id + QStringLiteral(": ") + c.message;
            return str(out.join(QLatin1Char('\n')));
        }());
        return engine.plan();
    }

    // Runs the plan as Apply does (expecting that plan); true when it finished.
    bool run(const PlanInput &in, const Plan &expected)
    {
        SetupEngine engine(&service(), std::make_shared<RunJournal>(m_data.path()));
        engine.setInput(in);
        engine.setPollIntervalMs(100);
        engine.setExpectedPlan(expected);
        QSignalSpy finished(&engine, &SetupEngine::finished);
        QSignalSpy failed(&engine, &SetupEngine::failed);
        engine.start();
        EXPECT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kTimeoutMs));
        EXPECT_TRUE(failed.isEmpty()) << (failed.isEmpty() ? std::string() : str(failed.first().first().value<Arm::ArmError>().technicalDetails()));
        return !finished.isEmpty();
    }

    QTemporaryDir m_data;
};

SandboxProcess *PlanFixture::s_sandbox = nullptr;
EngineSession *PlanFixture::s_session = nullptr;

class PlanMatrix : public PlanFixture, public ::testing::WithParamInterface<int>
{};

// Runs of the engine and the command line besides the matrix.
class PlanRuns : public PlanFixture
{};

} // namespace

TEST_P(PlanMatrix, TheRunWritesWhatThePlanSaysAndAReRunWritesNothing)
{
    const Scenario &s = scenarios().at(GetParam());
    const QString id = QString::number(GetParam());
    const PlanInput in = choicesFor(s, id);
    prepare(s, in);
    if (HasFatalFailure())
        return;
    const Arm::ProvisioningService before = s.dpsExists ? await<Arm::ProvisioningService>(service().getDps(in.dpsRef())) : Arm::ProvisioningService();

    // 1. The plan: its actions, its words, its writes.
    const Plan plan = planOf(in);
    ASSERT_FALSE(plan.steps.isEmpty());
    EXPECT_EQ(plan.action(StepId::Dps), s.dps);
    EXPECT_EQ(plan.action(StepId::Hub), s.hub);
    EXPECT_EQ(plan.action(StepId::Link), s.link);
    EXPECT_EQ(plan.action(StepId::Policy), s.policyStep);
    EXPECT_EQ(plan.action(StepId::Provider), s.provider);
    EXPECT_EQ(plan.action(StepId::HubProvider), s.hubProvider);
    int dpsPuts = 0;
    for (const auto &w : plan.writes())
        dpsPuts += w.method == QLatin1String("PUT") && w.path.endsWith(QStringLiteral("/provisioningServices/") + in.dpsName);
    EXPECT_EQ(dpsPuts, s.dpsPuts);
    const Plan::Summary summary = plan.summary();
    const QString words = (summary.created + summary.changed + summary.unchanged).join(QLatin1Char('\n'));
    for (const QString &text : s.texts)
        EXPECT_TRUE(words.contains(text.contains(QLatin1String("%1")) ? text.arg(id) : text)) << str(text) << "\n" << str(words);
    if (s.dpsExists) // changes to the existing DPS are set apart from creations
        EXPECT_EQ(summary.changed.isEmpty(), s.link == StepAction::Nothing && s.policyStep == StepAction::Nothing && s.hubProvider == StepAction::Nothing)
            << str(words);

    // 2. The run writes exactly the plan's writes.
    clearRequestLog(*s_sandbox);
    ASSERT_TRUE(run(in, plan));
    const RequestLog log = fetchRequestLog(*s_sandbox);
    EXPECT_EQ(writesOf(log), sorted(writeCalls(plan))) << str(log.dump());

    // 3. What Azure holds now: each planned change made, nothing else changed.
    const Arm::ProvisioningService after = await<Arm::ProvisioningService>(service().getDps(in.dpsRef()));
    const QString wantedPolicy = s.policy.isEmpty() ? (s.dpsExists ? before.allocationPolicy : QStringLiteral("Hashed")) : s.policy;
    EXPECT_EQ(after.allocationPolicy, wantedPolicy);
    ASSERT_EQ(after.linkedHubs.size(), 1);
    EXPECT_EQ(after.linkedHubs[0].hostName, in.hubName + QStringLiteral(".azure-devices.net"));
    EXPECT_EQ(after.linkedHubs[0].allocationWeight, 3);
    EXPECT_TRUE(after.linkedHubs[0].applyAllocationPolicy);
    for (const auto &step : plan.steps) {
        for (const auto &c : step.changes) {
            if (c.field == QLatin1String("allocationPolicy"))
                EXPECT_EQ(after.allocationPolicy, c.after) << str(c.text);
            else if (c.field.endsWith(QLatin1String(".allocationWeight")))
                EXPECT_EQ(QString::number(after.linkedHubs[0].allocationWeight), c.after) << str(c.text);
        }
    }
    if (s.dpsExists)
        EXPECT_EQ(after.idScope, before.idScope); // the same DPS, updated, never re-created

    // 4. A re-run reads, plans nothing, writes nothing.
    const Plan again = planOf(in);
    EXPECT_TRUE(again.nothingToDo()) << str(again.summary().created.join(QLatin1Char('\n')) + again.summary().changed.join(QLatin1Char('\n')));
    clearRequestLog(*s_sandbox);
    ASSERT_TRUE(run(in, again));
    EXPECT_TRUE(fetchRequestLog(*s_sandbox).writes().isEmpty()) << str(fetchRequestLog(*s_sandbox).dump());
}

INSTANTIATE_TEST_SUITE_P(States, PlanMatrix, ::testing::Range(0, int(scenarios().size())),
                         [](const ::testing::TestParamInfo<int> &info) { return std::string(scenarios().at(info.param).name); });

// Apply writes nothing when Azure changed between Review and Apply: the person approved other writes.
TEST_F(PlanRuns, ApplyStopsBeforeAnyWriteWhenAzureChangedSinceReview)
{
    Scenario s{"Changed", true, true, Linked::OtherWeight, false, true};
    const PlanInput in = choicesFor(s, QStringLiteral("changed"));
    prepare(s, in);
    if (HasFatalFailure())
        return;
    const Plan reviewed = planOf(in); // weight 1 -> 3 and Static -> Hashed
    // Someone else sets the weight to 3 meanwhile.
    Services::LinkOptions link;
    link.allocationWeight = 3;
    awaitOperation(service().configureDps(in.dpsRef(), in.hubRef(), link, QString()));
    clearRequestLog(*s_sandbox);
    SetupEngine engine(&service(), std::make_shared<RunJournal>(m_data.path()));
    engine.setInput(in);
    engine.setExpectedPlan(reviewed);
    QSignalSpy failed(&engine, &SetupEngine::failed);
    engine.start();
    ASSERT_TRUE(failed.wait(kTimeoutMs));
    EXPECT_EQ(failed.first().first().value<Arm::ArmError>().code, QStringLiteral("PlanChanged"));
    EXPECT_TRUE(fetchRequestLog(*s_sandbox).writes().isEmpty()) << str(fetchRequestLog(*s_sandbox).dump());
    // The fresh plan says what is left: the policy only.
    ASSERT_TRUE(engine.hasPlan());
    EXPECT_EQ(engine.plan().action(StepId::Link), StepAction::Nothing);
    EXPECT_EQ(engine.plan().action(StepId::Policy), StepAction::Update);
}

// ---- the command line ------------------------------------------------------------------------

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

CliRun cli(const SandboxProcess &sandbox, const QString &dataDir, QStringList args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DPS_SETUP_DATA_DIR"), dataDir);
    for (const char *name : {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"})
        env.remove(QLatin1String(name));
    p.setProcessEnvironment(env);
    args = QStringList{QStringLiteral("setup"), QStringLiteral("--cloud"), QStringLiteral("sandbox"), QStringLiteral("--sandbox-info"),
                       sandbox.dir() + QStringLiteral("/info.json"), QStringLiteral("--json")}
           + args;
    p.start(QStringLiteral(DPS_SETUP_PATH), args);
    CliRun r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList planWrites(const QJsonObject &doc)
{
    QStringList out;
    for (const auto &step : doc.value(QStringLiteral("plan")).toObject().value(QStringLiteral("steps")).toArray()) {
        for (const auto &c : step.toObject().value(QStringLiteral("calls")).toArray()) {
            const QJsonObject call = c.toObject();
            if (call.value(QStringLiteral("write")).toBool())
                out << QStringLiteral("%1 %2").arg(call.value(QStringLiteral("method")).toString(), call.value(QStringLiteral("path")).toString().toLower());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

// An existing Static DPS linked with weight 1: the plan says both changes before -> after and one DPS
// PUT; the run makes exactly that write; the next run changes nothing. Without --policy the DPS keeps its own.
TEST_F(PlanRuns, TheCommandLinesPlanIsWhatItsRunWrites)
{
    Scenario s{"Cli", true, true, Linked::OtherWeight, false, true};
    const PlanInput in = choicesFor(s, QStringLiteral("cli"));
    prepare(s, in);
    if (HasFatalFailure())
        return;
    const QStringList args{QStringLiteral("--subscription"), in.subscriptionId, QStringLiteral("--resource-group"), in.resourceGroup,
                           QStringLiteral("--location"), in.location, QStringLiteral("--dps"), in.dpsName, QStringLiteral("--hub"), in.hubName,
                           QStringLiteral("--weight"), QStringLiteral("3")};

    // Without --policy: only the weight; the policy stays Static.
    const CliRun keep = cli(*s_sandbox, m_data.path(), args + QStringList{QStringLiteral("--plan")});
    ASSERT_EQ(keep.exitCode, 0) << keep.err.constData();
    const QJsonObject keepDoc = keep.json();
    EXPECT_EQ(keepDoc.value(QStringLiteral("status")).toString(), QStringLiteral("planned"));
    QStringList fields;
    for (const auto &step : keepDoc.value(QStringLiteral("plan")).toObject().value(QStringLiteral("steps")).toArray())
        for (const auto &c : step.toObject().value(QStringLiteral("changes")).toArray())
            fields << c.toObject().value(QStringLiteral("field")).toString();
    EXPECT_EQ(fields, (QStringList{QStringLiteral("iotHubs[mx-hub-cli].allocationWeight")})) << keep.out.constData();

    // With --policy hashed: both, in one PUT; the words say before -> after.
    const QStringList hashed = args + QStringList{QStringLiteral("--policy"), QStringLiteral("hashed")};
    const CliRun plan = cli(*s_sandbox, m_data.path(), hashed + QStringList{QStringLiteral("--plan")});
    ASSERT_EQ(plan.exitCode, 0) << plan.err.constData();
    const QStringList planned = planWrites(plan.json());
    ASSERT_EQ(planned.size(), 1) << plan.out.constData();
    EXPECT_TRUE(planned[0].startsWith(QLatin1String("PUT ")) && planned[0].endsWith(QLatin1String("/provisioningservices/mx-dps-cli")));
    EXPECT_TRUE(plan.out.contains("from Static configuration to Evenly weighted distribution")) << plan.out.constData();
    EXPECT_TRUE(plan.out.contains("\"before\": \"1\"")) << plan.out.constData();

    clearRequestLog(*s_sandbox);
    const CliRun applied = cli(*s_sandbox, m_data.path(), hashed);
    ASSERT_EQ(applied.exitCode, 0) << applied.err.constData();
    EXPECT_EQ(writesOf(fetchRequestLog(*s_sandbox)), planned) << str(fetchRequestLog(*s_sandbox).dump());
    EXPECT_TRUE(applied.err.contains("Change: Change the allocation weight of the link to 'mx-hub-cli' from 1 to 3")) << applied.err.constData();
    EXPECT_EQ(applied.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("allocationPolicy")).toString(), QStringLiteral("Hashed"));

    clearRequestLog(*s_sandbox);
    const CliRun again = cli(*s_sandbox, m_data.path(), hashed);
    ASSERT_EQ(again.exitCode, 0) << again.err.constData();
    EXPECT_TRUE(again.json().value(QStringLiteral("plan")).toObject().value(QStringLiteral("nothingToDo")).toBool()) << again.out.constData();
    EXPECT_TRUE(fetchRequestLog(*s_sandbox).writes().isEmpty()) << str(fetchRequestLog(*s_sandbox).dump());
    EXPECT_TRUE(again.err.contains("Nothing to do")) << again.err.constData();
}

// A new hub in a subscription without Microsoft.Devices: without --register-provider the checks say how
// (exit 2); with it, the registration is a step of the plan and the run finishes.
TEST_F(PlanRuns, TheCommandLineRegistersTheHubsSubscriptionToo)
{
    setRegistered(Demo::kDevTest, false);
    const QStringList args{QStringLiteral("--subscription"), Demo::kProduction, QStringLiteral("--resource-group"), QStringLiteral("mx-rg-reg"),
                           QStringLiteral("--location"), QStringLiteral("westeurope"), QStringLiteral("--dps"), QStringLiteral("mx-dps-reg"),
                           QStringLiteral("--hub"), QStringLiteral("mx-hub-reg"), QStringLiteral("--hub-subscription"), Demo::kDevTest,
                           QStringLiteral("--hub-resource-group"), QStringLiteral("mx-hub-rg-reg")};
    const CliRun refused = cli(*s_sandbox, m_data.path(), args);
    EXPECT_EQ(refused.exitCode, 2) << refused.err.constData();
    EXPECT_TRUE(refused.err.contains("--register-provider")) << refused.err.constData();
    EXPECT_TRUE(refused.err.contains(Demo::kDevTest.toLatin1())) << refused.err.constData();

    const CliRun plan = cli(*s_sandbox, m_data.path(), args + QStringList{QStringLiteral("--register-provider"), QStringLiteral("--plan")});
    ASSERT_EQ(plan.exitCode, 0) << plan.err.constData();
    const QStringList planned = planWrites(plan.json());
    EXPECT_TRUE(planned.contains(QStringLiteral("POST /subscriptions/%1/providers/microsoft.devices/register").arg(Demo::kDevTest)))
        << plan.out.constData();
    clearRequestLog(*s_sandbox);
    const CliRun applied = cli(*s_sandbox, m_data.path(), args + QStringList{QStringLiteral("--register-provider")});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.constData();
    EXPECT_EQ(writesOf(fetchRequestLog(*s_sandbox)), planned) << str(fetchRequestLog(*s_sandbox).dump());
}
