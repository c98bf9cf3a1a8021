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
#include <QMap>
#include <QSet>
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
    std::string name;
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
    QStringList texts;               // sentences the plan must contain (%1: the scenario's number)
};

// One state of the matrix, wanting weight 3, apply on and the policy Hashed. An existing DPS has the
// policy Static; an existing link weight 1 (OtherWeight) or 3 (Identically), apply on. What the plan
// must do follows from the state alone, written here independently of buildPlan().
Scenario state(bool dpsExists, bool hubExists, Linked linked, bool other, bool registered)
{
    Scenario c;
    c.name = std::string(dpsExists ? "ExistingDps" : "NewDps") + (hubExists ? "ExistingHub" : "NewHub")
             + (linked == Linked::No ? "" : linked == Linked::OtherWeight ? "LinkedWithAnotherWeight" : "LinkedIdentically")
             + (other ? "InAnotherSubscription" : "") + (registered ? "" : "Unregistered");
    c.dpsExists = dpsExists;
    c.hubExists = hubExists;
    c.linked = linked;
    c.otherSubscription = other;
    c.registered = registered;
    c.dps = dpsExists ? StepAction::Nothing : StepAction::Create;
    c.hub = hubExists ? StepAction::Nothing : StepAction::Create;
    if (!dpsExists)
        c.link = StepAction::Create;   // a link on a new DPS is part of what is new
    else if (linked == Linked::Identically)
        c.link = StepAction::Nothing;
    else
        c.link = StepAction::Update;   // a link added to, or changed on, the existing DPS
    c.policyStep = dpsExists && c.link == StepAction::Nothing ? StepAction::Update : StepAction::Nothing; // else with the link
    c.provider = !other && !registered ? StepAction::Register : StepAction::Nothing;
    c.hubProvider = other && !registered ? StepAction::Register : StepAction::Nothing;
    c.dpsPuts = (dpsExists ? 0 : 1) + (c.link != StepAction::Nothing || c.policyStep != StepAction::Nothing ? 1 : 0);
    if (dpsExists)
        c.texts << QStringLiteral("Change the allocation policy from Static configuration to Evenly weighted distribution");
    if (linked == Linked::OtherWeight)
        c.texts << QStringLiteral("Change the allocation weight of the link to 'mx-hub-%1' from 1 to 3");
    if (!registered)
        c.texts << QStringLiteral("Register the resource provider Microsoft.Devices in the subscription ") + Demo::kDevTest; // where choicesFor() puts what is new
    return c;
}

// Every possible state: "not registered" only where nothing exists yet in that subscription (an
// unregistered subscription holds no DPS or hub), "linked" only when both exist. Then a few choices
// that are not the default: the DPS's policy kept, or already as wanted.
const QList<Scenario> &scenarios()
{
    static const QList<Scenario> list = [] {
        QList<Scenario> s;
        for (bool other : {false, true}) {
            for (bool dpsExists : {false, true}) {
                for (bool hubExists : {false, true}) {
                    for (Linked linked : {Linked::No, Linked::OtherWeight, Linked::Identically}) {
                        if (linked != Linked::No && !(dpsExists && hubExists))
                            continue;
                        for (bool registered : {true, false}) {
                            const bool somethingNewThere = other ? !hubExists : (!dpsExists && !hubExists);
                            if (!registered && !somethingNewThere)
                                continue;
                            s.append(state(dpsExists, hubExists, linked, other, registered));
                        }
                    }
                }
            }
        }
        {
            Scenario c = state(true, true, Linked::OtherWeight, false, true);
            c.name = "ExistingDpsExistingHubLinkedWithAnotherWeightKeepingThePolicy";
            c.policy.clear();
            c.texts = QStringList{QStringLiteral("Change the allocation weight of the link to 'mx-hub-%1' from 1 to 3"),
                                  QStringLiteral("Keep the allocation policy Static configuration")};
            s.append(c);
        }
        {
            Scenario c = state(true, true, Linked::Identically, false, true);
            c.name = "EverythingAsWanted";
            c.policy = QStringLiteral("Static");
            c.policyStep = StepAction::Nothing;
            c.dpsPuts = 0;
            c.texts = QStringList{QStringLiteral("already linked"), QStringLiteral("Keep the allocation policy Static configuration")};
            s.append(c);
        }
        {
            Scenario c = state(false, false, Linked::No, false, true);
            c.name = "NewDpsWithLowestLatency";
            c.policy = QStringLiteral("GeoLatency");
            c.texts << QStringLiteral("with the allocation policy Lowest latency");
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

QJsonObject worldState(const SandboxProcess &sandbox)
{
    HttpClient http(&sandbox);
    return http.get(adminUrl(sandbox, QStringLiteral("state"))).json();
}

// What changed in the sandbox's world between two states, as field names like the plan's: "created
// <kind> <name>" for a new resource group, DPS or hub; for a DPS that was there "allocationPolicy",
// "iotHubs[<hub>]" (a link added), "iotHubs[<hub>].allocationWeight" / ".applyAllocationPolicy";
// "registrationState <subscription>" for a provider registered. Sorted.
QStringList changedFields(const QJsonObject &before, const QJsonObject &after)
{
    QStringList out;
    auto groups = [](const QJsonObject &w) {
        QSet<QString> names;
        for (const auto &g : w.value(QStringLiteral("resourceGroups")).toArray())
            names.insert(g.toObject().value(QStringLiteral("subscriptionId")).toString().toLower() + QLatin1Char('/')
                         + g.toObject().value(QStringLiteral("name")).toString().toLower());
        return names;
    };
    const QSet<QString> groupsBefore = groups(before);
    for (const QString &g : groups(after)) {
        if (!groupsBefore.contains(g))
            out << QStringLiteral("created resourceGroup ") + g.section(QLatin1Char('/'), 1);
    }
    auto resources = [](const QJsonObject &w) {
        QMap<QString, QJsonObject> byId;
        for (const auto &r : w.value(QStringLiteral("resources")).toArray())
            byId.insert(r.toObject().value(QStringLiteral("body")).toObject().value(QStringLiteral("id")).toString().toLower(), r.toObject());
        return byId;
    };
    const QMap<QString, QJsonObject> resourcesBefore = resources(before);
    const QMap<QString, QJsonObject> resourcesAfter = resources(after);
    for (auto it = resourcesAfter.cbegin(); it != resourcesAfter.cend(); ++it) {
        const QString type = it.value().value(QStringLiteral("type")).toString();
        const QString name = it.value().value(QStringLiteral("name")).toString();
        if (!resourcesBefore.contains(it.key())) {
            out << QStringLiteral("created %1 %2").arg(type == QLatin1String("IotHubs") ? QStringLiteral("hub") : QStringLiteral("dps"), name);
            continue;
        }
        if (type != QLatin1String("ProvisioningServices"))
            continue;
        const QJsonObject was = resourcesBefore.value(it.key()).value(QStringLiteral("body")).toObject().value(QStringLiteral("properties")).toObject();
        const QJsonObject is = it.value().value(QStringLiteral("body")).toObject().value(QStringLiteral("properties")).toObject();
        if (was.value(QStringLiteral("allocationPolicy")) != is.value(QStringLiteral("allocationPolicy")))
            out << QStringLiteral("allocationPolicy");
        auto links = [](const QJsonObject &props) {
            QMap<QString, QJsonObject> byHub;
            for (const auto &l : props.value(QStringLiteral("iotHubs")).toArray())
                byHub.insert(l.toObject().value(QStringLiteral("name")).toString().section(QLatin1Char('.'), 0, 0), l.toObject());
            return byHub;
        };
        const auto linksBefore = links(was);
        const auto linksAfter = links(is);
        for (auto l = linksAfter.cbegin(); l != linksAfter.cend(); ++l) {
            if (!linksBefore.contains(l.key())) {
                out << QStringLiteral("iotHubs[%1]").arg(l.key());
                continue;
            }
            for (const char *field : {"allocationWeight", "applyAllocationPolicy"}) {
                if (linksBefore.value(l.key()).value(QLatin1String(field)) != l.value().value(QLatin1String(field)))
                    out << QStringLiteral("iotHubs[%1].%2").arg(l.key(), QLatin1String(field));
            }
        }
    }
    auto registrations = [](const QJsonObject &w) {
        QMap<QString, QString> states;
        for (const auto &sub : w.value(QStringLiteral("subscriptions")).toArray())
            states.insert(sub.toObject().value(QStringLiteral("subscriptionId")).toString(),
                          sub.toObject().value(QStringLiteral("providers")).toObject().value(QStringLiteral("microsoft.devices")).toObject().value(QStringLiteral("state")).toString());
        return states;
    };
    const auto registeredBefore = registrations(before);
    const auto registeredAfter = registrations(after);
    for (auto it = registeredAfter.cbegin(); it != registeredAfter.cend(); ++it) {
        if (registeredBefore.value(it.key()) != it.value())
            out << QStringLiteral("registrationState ") + it.key();
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The same, from the plan: what its steps create, and the fields its updates change.
QStringList plannedFields(const Plan &plan)
{
    const PlanInput &in = plan.input;
    QStringList out;
    for (const auto &step : plan.steps) {
        switch (step.action) {
        case StepAction::Create:
            if (step.id == StepId::ResourceGroup)
                out << QStringLiteral("created resourceGroup ") + in.resourceGroup.toLower();
            else if (step.id == StepId::HubResourceGroup)
                out << QStringLiteral("created resourceGroup ") + in.effectiveHubResourceGroup().toLower();
            else if (step.id == StepId::Dps)
                out << QStringLiteral("created dps ") + in.dpsName;
            else if (step.id == StepId::Hub)
                out << QStringLiteral("created hub ") + in.hubName;
            break; // a link created on a new DPS is part of that DPS's creation here
        case StepAction::Update:
            for (const auto &c : step.changes)
                out << c.field;
            break;
        case StepAction::Register:
            out << QStringLiteral("registrationState ")
                       + (step.id == StepId::HubProvider ? in.effectiveHubSubscription() : in.subscriptionId);
            break;
        case StepAction::Nothing:
        case StepAction::Wait:
            break;
        }
    }
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
    if (s.dpsExists) { // changes to the existing DPS are set apart from creations
        EXPECT_EQ(summary.changed.isEmpty(), s.link == StepAction::Nothing && s.policyStep == StepAction::Nothing && s.hubProvider == StepAction::Nothing)
            << str(words);
    }

    // 2. The run writes exactly the plan's writes (method and path, from the request log) and changes
    // exactly the plan's fields (the sandbox's world before and after).
    const QJsonObject worldBefore = worldState(*s_sandbox);
    clearRequestLog(*s_sandbox);
    ASSERT_TRUE(run(in, plan));
    const RequestLog log = fetchRequestLog(*s_sandbox);
    EXPECT_EQ(writesOf(log), sorted(writeCalls(plan))) << str(log.dump());
    EXPECT_EQ(changedFields(worldBefore, worldState(*s_sandbox)), plannedFields(plan));

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
            if (c.field == QLatin1String("allocationPolicy")) {
                EXPECT_EQ(after.allocationPolicy, c.after) << str(c.text);
            } else if (c.field.endsWith(QLatin1String(".allocationWeight"))) {
                EXPECT_EQ(QString::number(after.linkedHubs[0].allocationWeight), c.after) << str(c.text);
            }
        }
    }
    if (s.dpsExists) {
        EXPECT_EQ(after.idScope, before.idScope); // the same DPS, updated, never re-created
    }

    // 4. A re-run reads, plans nothing, writes nothing.
    const Plan again = planOf(in);
    EXPECT_TRUE(again.nothingToDo()) << str(again.summary().created.join(QLatin1Char('\n')) + again.summary().changed.join(QLatin1Char('\n')));
    const QJsonObject worldDone = worldState(*s_sandbox);
    clearRequestLog(*s_sandbox);
    ASSERT_TRUE(run(in, again));
    EXPECT_TRUE(fetchRequestLog(*s_sandbox).writes().isEmpty()) << str(fetchRequestLog(*s_sandbox).dump());
    EXPECT_TRUE(changedFields(worldDone, worldState(*s_sandbox)).isEmpty());
}

INSTANTIATE_TEST_SUITE_P(States, PlanMatrix, ::testing::Range(0, int(scenarios().size())),
                         [](const ::testing::TestParamInfo<int> &info) { return scenarios().at(info.param).name; });

// Apply writes nothing when Azure changed between Review and Apply in a way the person did not see;
// a change that only leaves less to do goes ahead with what is left.
TEST_F(PlanRuns, ApplyStopsBeforeAnyWriteWhenAzureChangedSinceReview)
{
    const Scenario s = state(true, true, Linked::OtherWeight, false, true);
    const PlanInput in = choicesFor(s, QStringLiteral("changed"));
    prepare(s, in);
    if (HasFatalFailure())
        return;
    const Plan reviewed = planOf(in); // weight 1 -> 3 and Static -> Hashed, one PUT
    auto setWeight = [&](int weight) {
        Services::LinkOptions link;
        link.allocationWeight = weight;
        awaitOperation(service().configureDps(in.dpsRef(), in.hubRef(), link, QString()));
    };
    QList<Arm::ArmError> failed;
    int finished = 0;
    auto apply = [&]() {
        SetupEngine engine(&service(), std::make_shared<RunJournal>(m_data.path()));
        engine.setInput(in);
        engine.setPollIntervalMs(100);
        engine.setExpectedPlan(reviewed);
        QObject::connect(&engine, &SetupEngine::failed, [&failed](const Arm::ArmError &e) { failed.append(e); });
        QObject::connect(&engine, &SetupEngine::finished, [&finished](const SetupResult &) { ++finished; });
        engine.start();
        EXPECT_TRUE(QTest::qWaitFor([&] { return !failed.isEmpty() || finished > 0; }, kTimeoutMs));
        return engine.hasPlan() ? engine.plan() : Plan();
    };

    // Someone set the weight to 5: 5 -> 3 was not seen. Nothing is written; the new plan says it.
    setWeight(5);
    clearRequestLog(*s_sandbox);
    const Plan changed = apply();
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(failed.first().code, QStringLiteral("PlanChanged"));
    EXPECT_TRUE(failed.first().message.contains(QLatin1String("from 5 to 3"))) << str(failed.first().message);
    EXPECT_TRUE(fetchRequestLog(*s_sandbox).writes().isEmpty()) << str(fetchRequestLog(*s_sandbox).dump());
    EXPECT_EQ(changed.action(StepId::Link), StepAction::Update);

    // Someone set it to 3 (as wanted): only the reviewed policy change is left, and it is made.
    setWeight(3);
    clearRequestLog(*s_sandbox);
    failed.clear();
    const Plan less = apply();
    EXPECT_TRUE(failed.isEmpty()) << (failed.isEmpty() ? std::string() : str(failed.first().message));
    ASSERT_EQ(finished, 1);
    EXPECT_EQ(less.action(StepId::Link), StepAction::Nothing);
    EXPECT_EQ(less.action(StepId::Policy), StepAction::Update);
    EXPECT_EQ(writesOf(fetchRequestLog(*s_sandbox)), sorted(writeCalls(less)));
    EXPECT_EQ(await<Arm::ProvisioningService>(service().getDps(in.dpsRef())).allocationPolicy, QStringLiteral("Hashed"));
}

// A hub deleted and created again under the same name: the DPS's old link holds the deleted hub's key.
// The plan says it replaces it; the run leaves a link with the new hub's key.
TEST_F(PlanRuns, AStaleLinkOfADeletedHubIsReplacedWithTheNewHubsKey)
{
    const Scenario s = state(true, true, Linked::Identically, false, true);
    const PlanInput in = choicesFor(s, QStringLiteral("stale"));
    prepare(s, in);
    if (HasFatalFailure())
        return;
    const QString oldKey = await<Arm::AccessPolicy>(service().hubPolicy(in.hubRef(), QStringLiteral("iothubowner"))).primaryKey;
    awaitOperation(service().deleteHub(in.hubRef()));
    PlanInput again = in;
    again.createHub = true;
    const Plan plan = planOf(again);
    ASSERT_EQ(plan.action(StepId::Link), StepAction::Update);
    EXPECT_TRUE(plan.summary().changed.join(QLatin1Char('\n')).contains(QLatin1String("Replace the link to 'mx-hub-stale'")))
        << str(plan.summary().changed.join(QLatin1Char('\n')));
    clearRequestLog(*s_sandbox);
    ASSERT_TRUE(run(again, plan));
    EXPECT_EQ(writesOf(fetchRequestLog(*s_sandbox)), sorted(writeCalls(plan)));
    const QString newKey = await<Arm::AccessPolicy>(service().hubPolicy(in.hubRef(), QStringLiteral("iothubowner"))).primaryKey;
    ASSERT_NE(newKey, oldKey);
    // The key the DPS holds now (the world's state, unmasked) is the new hub's.
    QString linked;
    for (const auto &r : worldState(*s_sandbox).value(QStringLiteral("resources")).toArray()) {
        if (r.toObject().value(QStringLiteral("name")).toString() != in.dpsName)
            continue;
        const QJsonArray hubs = r.toObject().value(QStringLiteral("body")).toObject().value(QStringLiteral("properties")).toObject().value(QStringLiteral("iotHubs")).toArray();
        ASSERT_EQ(hubs.size(), 1);
        linked = hubs[0].toObject().value(QStringLiteral("connectionString")).toString();
    }
    EXPECT_TRUE(linked.contains(QStringLiteral("SharedAccessKey=") + newKey)) << str(linked);
    EXPECT_TRUE(planOf(again).nothingToDo());
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
    const Scenario s = state(true, true, Linked::OtherWeight, false, true);
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
