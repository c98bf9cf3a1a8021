// buildPlan(): the plan as a pure function of (the person's choices, what Azure holds). No sandbox:
// every state is written here as Azure would return it, and the steps, dependencies, calls and
// changes (before -> after) are checked one by one. The same plans are run against the sandbox in
// tst_plan_matrix.cpp, which checks that the run writes exactly what the plan says.
#include "setup/Plan.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Dps;
using namespace Dps::Setup;

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

const QString kSub = QStringLiteral("00000000-0000-0000-0000-000000000001");
const QString kOtherSub = QStringLiteral("00000000-0000-0000-0000-000000000002");

PlanInput choices()
{
    PlanInput in;
    in.subscriptionId = kSub;
    in.resourceGroup = QStringLiteral("rg");
    in.location = QStringLiteral("westeurope");
    in.dpsName = QStringLiteral("my-dps");
    in.hubName = QStringLiteral("my-hub");
    in.allocationPolicy = QStringLiteral("GeoLatency");
    in.link.allocationWeight = 3;
    return in;
}

Arm::ProviderState registered(bool yes = true)
{
    Arm::ProviderState p;
    p.ns = QStringLiteral("Microsoft.Devices");
    p.registrationState = yes ? QStringLiteral("Registered") : QStringLiteral("NotRegistered");
    return p;
}

Arm::ProvisioningService dps(const QString &policy, QList<Arm::LinkedHub> links = {}, const QString &state = QStringLiteral("Succeeded"))
{
    Arm::ProvisioningService d;
    d.name = QStringLiteral("my-dps");
    d.allocationPolicy = policy;
    d.provisioningState = state;
    d.state = QStringLiteral("Active");
    d.linkedHubs = links;
    return d;
}

Arm::IotHub hub()
{
    Arm::IotHub h;
    h.name = QStringLiteral("my-hub");
    h.hostName = QStringLiteral("my-hub.azure-devices.net");
    h.provisioningState = QStringLiteral("Succeeded");
    h.state = QStringLiteral("Active");
    return h;
}

Arm::LinkedHub link(int weight, bool apply = true)
{
    Arm::LinkedHub l;
    l.hostName = QStringLiteral("my-hub.azure-devices.net");
    l.allocationWeight = weight;
    l.applyAllocationPolicy = apply;
    return l;
}

Observed existing(const Arm::ProvisioningService &d)
{
    Observed now;
    now.provider = registered();
    now.groupExists = true;
    now.dps = d;
    now.hub = hub();
    Arm::AccessPolicy owner;
    owner.keyName = QStringLiteral("iothubowner");
    owner.rights = QStringLiteral("RegistryWrite, ServiceConnect, DeviceConnect");
    now.accessPolicy = owner;
    return now;
}

QStringList methodsAndTails(const QList<PlannedCall> &calls)
{
    QStringList out;
    for (const auto &c : calls)
        out << c.method + QLatin1Char(' ') + c.path.section(QLatin1Char('/'), -2);
    return out;
}

} // namespace

TEST(Plan, EverythingNewIsFourWritesAndTheNewDpsGetsItsPolicyWhenCreated)
{
    Observed now;
    now.provider = registered();
    const Plan plan = buildPlan(choices(), now);
    EXPECT_EQ(plan.action(StepId::Provider), StepAction::Nothing);
    EXPECT_EQ(plan.action(StepId::ResourceGroup), StepAction::Create);
    EXPECT_EQ(plan.action(StepId::Dps), StepAction::Create);
    EXPECT_EQ(plan.action(StepId::Hub), StepAction::Create);
    EXPECT_EQ(plan.action(StepId::Link), StepAction::Create); // a link on a new DPS is part of what is new
    EXPECT_EQ(plan.action(StepId::Policy), StepAction::Nothing);
    EXPECT_EQ(methodsAndTails(plan.writes()),
              (QStringList{QStringLiteral("PUT resourcegroups/rg"), QStringLiteral("PUT provisioningServices/my-dps"),
                           QStringLiteral("PUT IotHubs/my-hub"), QStringLiteral("PUT provisioningServices/my-dps")}));
    // The DPS's creation carries the policy (no policy PUT afterwards).
    bool policyInCreation = false;
    for (const auto &c : plan.step(StepId::Dps)->changes)
        policyInCreation = policyInCreation || (c.field == QLatin1String("allocationPolicy") && c.before.isEmpty() && c.after == QLatin1String("GeoLatency"));
    EXPECT_TRUE(policyInCreation);
    EXPECT_TRUE(plan.step(StepId::Dps)->text.contains(QLatin1String("Lowest latency"))) << str(plan.step(StepId::Dps)->text);
    // Dependencies: the group and the registration first; DPS and hub side by side; then the link.
    EXPECT_EQ(plan.step(StepId::Dps)->after, (QList<StepId>{StepId::Provider, StepId::ResourceGroup}));
    EXPECT_EQ(plan.step(StepId::Hub)->after, (QList<StepId>{StepId::Provider, StepId::ResourceGroup}));
    EXPECT_EQ(plan.step(StepId::Link)->after, (QList<StepId>{StepId::Dps, StepId::Hub}));
    const Plan::Summary summary = plan.summary();
    EXPECT_EQ(summary.created.size(), 4) << str(summary.created.join(QLatin1Char('\n')));
    EXPECT_TRUE(summary.changed.isEmpty()) << str(summary.changed.join(QLatin1Char('\n')));
    EXPECT_FALSE(plan.nothingToDo());
}

TEST(Plan, AnExistingStaticDpsLinkedWithWeightOneBecomesOnePutWithBothChanges)
{
    PlanInput in = choices();
    in.allocationPolicy = QStringLiteral("Hashed");
    const Plan plan = buildPlan(in, existing(dps(QStringLiteral("Static"), {link(1)})));
    EXPECT_EQ(plan.action(StepId::Dps), StepAction::Nothing);
    EXPECT_EQ(plan.action(StepId::Hub), StepAction::Nothing);
    EXPECT_EQ(plan.action(StepId::Link), StepAction::Update);
    EXPECT_EQ(plan.action(StepId::Policy), StepAction::Nothing);
    ASSERT_EQ(plan.writes().size(), 1);
    EXPECT_EQ(plan.writes()[0].method, QStringLiteral("PUT"));
    EXPECT_TRUE(plan.writes()[0].path.endsWith(QLatin1String("/provisioningServices/my-dps")));
    const PlanStep &step = *plan.step(StepId::Link);
    ASSERT_EQ(step.changes.size(), 2);
    EXPECT_EQ(step.changes[0].field, QStringLiteral("iotHubs[my-hub].allocationWeight"));
    EXPECT_EQ(step.changes[0].before, QStringLiteral("1"));
    EXPECT_EQ(step.changes[0].after, QStringLiteral("3"));
    EXPECT_EQ(step.changes[0].text, QStringLiteral("Change the allocation weight of the link to 'my-hub' from 1 to 3"));
    EXPECT_EQ(step.changes[1].field, QStringLiteral("allocationPolicy"));
    EXPECT_EQ(step.changes[1].before, QStringLiteral("Static"));
    EXPECT_EQ(step.changes[1].after, QStringLiteral("Hashed"));
    EXPECT_EQ(step.changes[1].text, QStringLiteral("Change the allocation policy from Static configuration to Evenly weighted distribution"));
    // Not linked again: the link's key is not read.
    for (const auto &c : step.calls)
        EXPECT_FALSE(c.path.endsWith(QLatin1String("/listkeys"))) << str(c.path);
    const Plan::Summary summary = plan.summary();
    EXPECT_TRUE(summary.created.isEmpty());
    EXPECT_EQ(summary.changed, (QStringList{step.changes[0].text, step.changes[1].text}));
}

TEST(Plan, TheApplyFlagIsAChangeOfItsOwn)
{
    PlanInput in = choices();
    in.link.applyAllocationPolicy = false;
    const Plan plan = buildPlan(in, existing(dps(QStringLiteral("GeoLatency"), {link(3, true)})));
    ASSERT_EQ(plan.action(StepId::Link), StepAction::Update);
    ASSERT_EQ(plan.step(StepId::Link)->changes.size(), 1);
    const FieldChange &c = plan.step(StepId::Link)->changes[0];
    EXPECT_EQ(c.field, QStringLiteral("iotHubs[my-hub].applyAllocationPolicy"));
    EXPECT_EQ(c.before, QStringLiteral("true"));
    EXPECT_EQ(c.after, QStringLiteral("false"));
}

TEST(Plan, WhatIsAlreadyAsWantedIsNothingToDo)
{
    const Plan plan = buildPlan(choices(), existing(dps(QStringLiteral("GeoLatency"), {link(3)})));
    EXPECT_TRUE(plan.nothingToDo());
    EXPECT_TRUE(plan.writes().isEmpty());
    EXPECT_TRUE(plan.writeSignature().isEmpty());
    // Any other state of the same choices has another signature (Apply compares them).
    EXPECT_NE(buildPlan(choices(), existing(dps(QStringLiteral("GeoLatency"), {link(1)}))).writeSignature(),
              buildPlan(choices(), existing(dps(QStringLiteral("GeoLatency"), {link(5)}))).writeSignature());
    EXPECT_TRUE(plan.step(StepId::Link)->text.contains(QLatin1String("already linked"))) << str(plan.step(StepId::Link)->text);
    const Plan::Summary summary = plan.summary();
    EXPECT_TRUE(summary.created.isEmpty());
    EXPECT_TRUE(summary.changed.isEmpty());
    EXPECT_GE(summary.unchanged.size(), 4) << str(summary.unchanged.join(QLatin1Char('\n')));
    EXPECT_TRUE(plan.toJson().value(QStringLiteral("nothingToDo")).toBool());
}

TEST(Plan, NoPolicyChosenKeepsTheDpsOwn)
{
    PlanInput in = choices();
    in.allocationPolicy.clear();
    const Plan plan = buildPlan(in, existing(dps(QStringLiteral("Static"), {link(3)})));
    EXPECT_TRUE(plan.nothingToDo());
    EXPECT_TRUE(plan.step(StepId::Policy)->text.contains(QLatin1String("Static configuration"))) << str(plan.step(StepId::Policy)->text);
}

TEST(Plan, OnlyThePolicyChangingIsOnePolicyPut)
{
    PlanInput in = choices();
    in.allocationPolicy = QStringLiteral("static"); // any case
    const Plan plan = buildPlan(in, existing(dps(QStringLiteral("GeoLatency"), {link(3)})));
    EXPECT_EQ(plan.action(StepId::Link), StepAction::Nothing);
    EXPECT_EQ(plan.action(StepId::Policy), StepAction::Update);
    ASSERT_EQ(plan.writes().size(), 1);
    EXPECT_EQ(plan.writes()[0].step, StepId::Policy);
    EXPECT_EQ(plan.step(StepId::Policy)->changes[0].after, QStringLiteral("Static"));
}

TEST(Plan, AnExistingDpsWithoutTheLinkGetsItAddedWithTheKeyRead)
{
    const Plan plan = buildPlan(choices(), existing(dps(QStringLiteral("GeoLatency"))));
    EXPECT_EQ(plan.action(StepId::Link), StepAction::Update);
    const PlanStep &step = *plan.step(StepId::Link);
    ASSERT_EQ(step.changes.size(), 1);
    EXPECT_EQ(step.changes[0].field, QStringLiteral("iotHubs[my-hub]"));
    EXPECT_TRUE(step.changes[0].before.isEmpty());
    // The DPS is read again just before its update, so that what changed since the checks is kept.
    EXPECT_EQ(methodsAndTails(step.calls),
              (QStringList{QStringLiteral("POST iothubowner/listkeys"), QStringLiteral("GET provisioningServices/my-dps"),
                           QStringLiteral("PUT provisioningServices/my-dps"), QStringLiteral("GET provisioningServices/my-dps")}));
    EXPECT_FALSE(step.calls[0].write); // listkeys reads
}

TEST(Plan, ADedicatedAccessPolicyIsAddedToTheHubBeforeTheLink)
{
    PlanInput in = choices();
    in.link.createPolicy = true;
    in.link.accessPolicy = QStringLiteral("dps-link");
    Observed now = existing(dps(QStringLiteral("GeoLatency")));
    now.accessPolicy.reset(); // the hub has no 'dps-link'
    const Plan plan = buildPlan(in, now);
    EXPECT_EQ(methodsAndTails(plan.writes()), (QStringList{QStringLiteral("PUT IotHubs/my-hub"), QStringLiteral("PUT provisioningServices/my-dps")}));
    EXPECT_EQ(plan.step(StepId::Link)->changes[0].field, QStringLiteral("authorizationPolicies[dps-link]"));
    // The hub has it already: only the link.
    Arm::AccessPolicy own;
    own.keyName = QStringLiteral("dps-link");
    own.rights = QStringLiteral("RegistryWrite, ServiceConnect");
    now.accessPolicy = own;
    EXPECT_EQ(methodsAndTails(buildPlan(in, now).writes()), (QStringList{QStringLiteral("PUT provisioningServices/my-dps")}));
}

TEST(Plan, AHubInAnUnregisteredSubscriptionWaitsForItsRegistrationNotTheDps)
{
    PlanInput in = choices();
    in.hubSubscriptionId = kOtherSub;
    in.hubResourceGroup = QStringLiteral("hub-rg");
    in.registerProviders = true;
    Observed now;
    now.provider = registered();
    now.hubProvider = registered(false);
    const Plan plan = buildPlan(in, now);
    EXPECT_EQ(plan.action(StepId::Provider), StepAction::Nothing);
    EXPECT_EQ(plan.action(StepId::HubProvider), StepAction::Register);
    EXPECT_EQ(plan.action(StepId::HubResourceGroup), StepAction::Create);
    EXPECT_EQ(plan.step(StepId::Hub)->after, (QList<StepId>{StepId::HubProvider, StepId::HubResourceGroup}));
    EXPECT_EQ(plan.step(StepId::Dps)->after, (QList<StepId>{StepId::Provider, StepId::ResourceGroup}));
    EXPECT_EQ(methodsAndTails(plan.writes()),
              (QStringList{QStringLiteral("POST Microsoft.Devices/register"), QStringLiteral("PUT resourcegroups/rg"),
                           QStringLiteral("PUT resourcegroups/hub-rg"), QStringLiteral("PUT provisioningServices/my-dps"),
                           QStringLiteral("PUT IotHubs/my-hub"), QStringLiteral("PUT provisioningServices/my-dps")}));
    EXPECT_TRUE(plan.writes()[0].path.startsWith(QStringLiteral("/subscriptions/") + kOtherSub));
    EXPECT_TRUE(plan.writes()[4].path.startsWith(QStringLiteral("/subscriptions/") + kOtherSub));
    const FieldChange &reg = plan.step(StepId::HubProvider)->changes[0];
    EXPECT_EQ(reg.before, QStringLiteral("NotRegistered"));
    EXPECT_EQ(reg.after, QStringLiteral("Registered"));
    EXPECT_TRUE(plan.summary().changed.first().contains(kOtherSub)) << str(plan.summary().changed.join(QLatin1Char('\n')));
}

TEST(Plan, AResourceAnEarlierRunStartedIsWaitedForNotCreatedAgain)
{
    Observed now;
    now.provider = registered();
    now.groupExists = true;
    now.dps = dps(QStringLiteral("GeoLatency"), {}, QStringLiteral("Accepted"));
    const Plan plan = buildPlan(choices(), now);
    EXPECT_EQ(plan.action(StepId::Dps), StepAction::Wait);
    for (const auto &c : plan.step(StepId::Dps)->calls)
        EXPECT_FALSE(c.write) << str(c.method + c.path);
    EXPECT_EQ(plan.action(StepId::Hub), StepAction::Create);
    EXPECT_EQ(plan.action(StepId::Policy), StepAction::Nothing); // created with the policy already
}

TEST(Plan, TheJsonCarriesStepsCallsAndBeforeAfter)
{
    PlanInput in = choices();
    in.allocationPolicy = QStringLiteral("Hashed");
    const QJsonObject json = buildPlan(in, existing(dps(QStringLiteral("Static"), {link(1)}))).toJson();
    EXPECT_FALSE(json.value(QStringLiteral("nothingToDo")).toBool());
    const QJsonArray steps = json.value(QStringLiteral("steps")).toArray();
    ASSERT_EQ(steps.size(), 8);
    QJsonObject linkStep;
    for (const auto &v : steps) {
        if (v.toObject().value(QStringLiteral("step")) == QLatin1String("link"))
            linkStep = v.toObject();
    }
    EXPECT_EQ(linkStep.value(QStringLiteral("action")).toString(), QStringLiteral("update"));
    EXPECT_EQ(linkStep.value(QStringLiteral("after")).toArray(), (QJsonArray{QStringLiteral("dps"), QStringLiteral("hub")}));
    const QJsonArray changes = linkStep.value(QStringLiteral("changes")).toArray();
    ASSERT_EQ(changes.size(), 2);
    EXPECT_EQ(changes[1].toObject().value(QStringLiteral("before")).toString(), QStringLiteral("Static"));
    EXPECT_EQ(changes[1].toObject().value(QStringLiteral("after")).toString(), QStringLiteral("Hashed"));
    const QJsonArray calls = linkStep.value(QStringLiteral("calls")).toArray();
    ASSERT_EQ(calls.size(), 3); // read again, update, read after
    EXPECT_EQ(calls[0].toObject().value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    EXPECT_FALSE(calls[0].toObject().value(QStringLiteral("write")).toBool());
    EXPECT_EQ(calls[1].toObject().value(QStringLiteral("method")).toString(), QStringLiteral("PUT"));
    EXPECT_TRUE(calls[1].toObject().value(QStringLiteral("write")).toBool());
    EXPECT_TRUE(changes[1].toObject().value(QStringLiteral("existing")).toBool());
}

TEST(Plan, TheSameInputAndStateMakeTheSamePlan)
{
    const Observed now = existing(dps(QStringLiteral("Static"), {link(1)}));
    EXPECT_EQ(buildPlan(choices(), now).toJson(), buildPlan(choices(), now).toJson());
}

TEST(Plan, AnAccessPolicyAddedToAnExistingHubIsAChangeEvenWhenTheDpsIsNew)
{
    PlanInput in = choices();
    in.link.createPolicy = true;
    in.link.accessPolicy = QStringLiteral("dps-link");
    Observed now;
    now.provider = registered();
    now.groupExists = true;
    now.hub = hub(); // without 'dps-link'
    const Plan plan = buildPlan(in, now);
    EXPECT_EQ(plan.action(StepId::Link), StepAction::Create);
    const Plan::Summary summary = plan.summary();
    ASSERT_EQ(summary.changed.size(), 1) << str(summary.changed.join(QLatin1Char('\n')));
    EXPECT_EQ(summary.changed[0], QStringLiteral("Add the access policy 'dps-link' with only RegistryWrite and ServiceConnect to the IoT hub 'my-hub'"));
    // A new hub gets it as part of what is new.
    now.hub.reset();
    EXPECT_TRUE(buildPlan(in, now).summary().changed.isEmpty());
}

TEST(Plan, AResourceWhoseLastChangeWasCanceledIsUsedAsItIs)
{
    const Plan plan = buildPlan(choices(), existing(dps(QStringLiteral("GeoLatency"), {link(3)}, QStringLiteral("Canceled"))));
    EXPECT_EQ(plan.action(StepId::Dps), StepAction::Nothing);
    EXPECT_TRUE(plan.nothingToDo());
}

TEST(Plan, WaitingForSomeoneElsesUpdateIsNotSaidAsSomethingNew)
{
    PlanInput in = choices();
    in.createDps = false; // the person chose an existing DPS that Azure is updating
    const Plan plan = buildPlan(in, existing(dps(QStringLiteral("GeoLatency"), {link(3)}, QStringLiteral("Updating"))));
    EXPECT_EQ(plan.action(StepId::Dps), StepAction::Wait);
    const Plan::Summary summary = plan.summary();
    EXPECT_TRUE(summary.created.isEmpty()) << str(summary.created.join(QLatin1Char('\n')));
    EXPECT_TRUE(summary.unchanged.join(QLatin1Char('\n')).contains(QLatin1String("Wait for the DPS 'my-dps', which Azure is still creating or updating")))
        << str(summary.unchanged.join(QLatin1Char('\n')));
}

// Apply (and a Retry) may do less than the plan the person saw, never more or something else.
TEST(Plan, APlanIsWithinTheApprovedOneOnlyWhenItDoesNothingElse)
{
    PlanInput in = choices();
    in.allocationPolicy = QStringLiteral("Hashed");
    const Plan approved = buildPlan(in, existing(dps(QStringLiteral("Static"), {link(1)})));
    EXPECT_TRUE(approved.within(approved));
    // Someone set the weight to 3 meanwhile: only the policy is left, which was approved.
    EXPECT_TRUE(buildPlan(in, existing(dps(QStringLiteral("Static"), {link(3)}))).within(approved));
    // Everything done meanwhile: nothing is within anything.
    EXPECT_TRUE(buildPlan(in, existing(dps(QStringLiteral("Hashed"), {link(3)}))).within(approved));
    // Someone set the weight to 5: changing 5 to 3 was not seen.
    QStringList beyond;
    EXPECT_FALSE(buildPlan(in, existing(dps(QStringLiteral("Static"), {link(5)}))).within(approved, &beyond));
    EXPECT_EQ(beyond, (QStringList{QStringLiteral("Change the allocation weight of the link to 'my-hub' from 5 to 3")}));
    // The DPS was deleted meanwhile: creating one was not seen.
    Observed gone = existing(dps(QStringLiteral("Static"), {link(1)}));
    gone.dps.reset();
    EXPECT_FALSE(buildPlan(in, gone).within(approved));
    // A registration that moved on from NotRegistered to Registering is still the one approved.
    PlanInput cross = choices();
    cross.hubSubscriptionId = kOtherSub;
    Observed before;
    before.provider = registered();
    before.hubProvider = registered(false);
    Observed registering = before;
    registering.hubProvider->registrationState = QStringLiteral("Registering");
    Observed done = before;
    done.hubProvider = registered();
    EXPECT_TRUE(buildPlan(cross, registering).within(buildPlan(cross, before)));
    EXPECT_TRUE(buildPlan(cross, done).within(buildPlan(cross, before)));
}

// The DPS still links a hub of this name that was deleted; the hub is created anew: the link is
// replaced (the old one holds the deleted hub's key), not taken as "already linked".
TEST(Plan, AStaleLinkOfADeletedHubOfTheSameNameIsReplaced)
{
    Observed now;
    now.provider = registered();
    now.groupExists = true;
    now.dps = dps(QStringLiteral("GeoLatency"), {link(3)});
    const Plan plan = buildPlan(choices(), now); // no hub: it is created
    EXPECT_EQ(plan.action(StepId::Hub), StepAction::Create);
    ASSERT_EQ(plan.action(StepId::Link), StepAction::Update);
    ASSERT_EQ(plan.step(StepId::Link)->changes.size(), 1);
    EXPECT_EQ(plan.step(StepId::Link)->changes[0].field, QStringLiteral("iotHubs[my-hub].connectionString"));
    EXPECT_TRUE(plan.summary().changed.first().startsWith(QLatin1String("Replace the link to 'my-hub'"))) << str(plan.summary().changed.first());
    EXPECT_EQ(methodsAndTails(plan.writes()), (QStringList{QStringLiteral("PUT IotHubs/my-hub"), QStringLiteral("PUT provisioningServices/my-dps")}));
}
