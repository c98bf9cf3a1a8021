#include "Plan.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace Dps::Setup {

namespace {

QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    return QCoreApplication::translate("Dps::Setup", text, comment, n); // the context lupdate gives tr() here
}

QString yesNo(bool on)
{
    return on ? tr("yes") : tr("no");
}

QString boolKey(bool on)
{
    return on ? QStringLiteral("true") : QStringLiteral("false");
}

QString devicesProvider(const QString &sub)
{
    return QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices").arg(sub);
}

PlannedCall call(StepId step, const char *method, const QString &path, const QString &api, const QString &purpose, bool write)
{
    return PlannedCall{step, QString::fromLatin1(method), path, api, purpose, write};
}

// The canonical name, or the text as it is when it names no policy (said as it is).
QString canonicalPolicy(const QString &policy)
{
    const QString p = Arm::canonicalAllocationPolicy(policy);
    return p.isEmpty() ? policy : p;
}

} // namespace

// Failed is a finding of the checks; Canceled means the last change was called off and the resource is
// there as before.
bool isFinalState(const QString &provisioningState)
{
    return provisioningState.isEmpty() || provisioningState == QLatin1String("Succeeded")
           || provisioningState == QLatin1String("Failed") || provisioningState == QLatin1String("Canceled");
}

std::optional<Arm::LinkedHub> linkedHubOf(const Arm::ProvisioningService &dps, const QString &hubName, const QString &hubHost)
{
    for (const auto &l : dps.linkedHubs) {
        if (!hubHost.isEmpty() ? l.hostName.compare(hubHost, Qt::CaseInsensitive) == 0
                               : l.hostName.section(QLatin1Char('.'), 0, 0).compare(hubName, Qt::CaseInsensitive) == 0)
            return l;
    }
    return std::nullopt;
}

QString actionKey(StepAction action)
{
    switch (action) {
    case StepAction::Nothing: return QStringLiteral("nothing");
    case StepAction::Register: return QStringLiteral("register");
    case StepAction::Create: return QStringLiteral("create");
    case StepAction::Update: return QStringLiteral("update");
    case StepAction::Wait: return QStringLiteral("wait");
    }
    return {};
}

QString allocationPolicyName(const QString &policy)
{
    const QString p = canonicalPolicy(policy);
    if (p == QLatin1String("GeoLatency"))
        return tr("Lowest latency");
    if (p == QLatin1String("Static"))
        return tr("Static configuration");
    if (p == QLatin1String("Hashed"))
        return tr("Evenly weighted distribution");
    return policy;
}

QJsonObject FieldChange::toJson() const
{
    QJsonObject o{{QStringLiteral("field"), field}, {QStringLiteral("after"), after}, {QStringLiteral("text"), text},
                  {QStringLiteral("existing"), existing}};
    o.insert(QStringLiteral("before"), before.isEmpty() ? QJsonValue() : QJsonValue(before));
    return o;
}

bool PlanStep::writes() const
{
    for (const auto &c : calls) {
        if (c.write)
            return true;
    }
    return false;
}

QJsonObject PlanStep::toJson() const
{
    QJsonArray deps, changeList, callList;
    for (StepId a : after)
        deps.append(stepKey(a));
    for (const auto &c : changes)
        changeList.append(c.toJson());
    for (const auto &c : calls)
        callList.append(QJsonObject{{QStringLiteral("method"), c.method},
                                    {QStringLiteral("path"), c.path},
                                    {QStringLiteral("apiVersion"), c.apiVersion},
                                    {QStringLiteral("purpose"), c.purpose},
                                    {QStringLiteral("write"), c.write}});
    return QJsonObject{{QStringLiteral("step"), stepKey(id)},
                       {QStringLiteral("action"), actionKey(action)},
                       {QStringLiteral("after"), deps},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("changes"), changeList},
                       {QStringLiteral("calls"), callList}};
}

const PlanStep *Plan::step(StepId id) const
{
    for (const auto &s : steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

StepAction Plan::action(StepId id) const
{
    const PlanStep *s = step(id);
    return s ? s->action : StepAction::Nothing;
}

bool Plan::nothingToDo() const
{
    for (const auto &s : steps) {
        if (s.action != StepAction::Nothing)
            return false;
    }
    return true;
}

Plan::Summary Plan::summary() const
{
    Summary out;
    for (const auto &step : steps) {
        switch (step.action) {
        case StepAction::Nothing:
            if (!step.quiet)
                out.unchanged << step.text;
            break;
        case StepAction::Update:
            for (const auto &c : step.changes)
                out.changed << c.text;
            break;
        case StepAction::Register:
            out.changed << step.text;
            break;
        case StepAction::Create:
            out.created << step.text;
            // What such a step changes in a resource that is there (an access policy added to an
            // existing hub while linking it to a new DPS) is a change, said as one.
            for (const auto &c : step.changes) {
                if (c.existing)
                    out.changed << c.text;
            }
            break;
        case StepAction::Wait:
            // Said with the step's own words: "... which Azure is still creating or updating".
            ((step.id == StepId::Dps ? input.createDps : input.createHub) ? out.created : out.unchanged) << step.text;
            break;
        }
    }
    return out;
}

QList<PlannedCall> Plan::calls() const
{
    QList<PlannedCall> out;
    for (const auto &s : steps)
        out += s.calls;
    return out;
}

QList<PlannedCall> Plan::writes() const
{
    QList<PlannedCall> out;
    for (const auto &c : calls()) {
        if (c.write)
            out.append(c);
    }
    return out;
}

QStringList Plan::writeSignature() const
{
    QStringList out;
    for (const auto &c : writes())
        out.append(QStringLiteral("%1 %2").arg(c.method, c.path.toLower()));
    for (const auto &step : steps) {
        for (const auto &c : step.changes)
            out.append(QStringLiteral("%1: %2 -> %3").arg(c.field, c.before, c.after));
    }
    return out;
}

bool Plan::within(const Plan &approved, QStringList *beyond) const
{
    QStringList allowedWrites;
    for (const auto &c : approved.writes())
        allowedWrites << QStringLiteral("%1 %2").arg(c.method, c.path.toLower());
    // Not by step: the link's step may carry a policy change that a later plan makes a step of its own.
    // Which resource a created field belongs to is told by the write's path, checked above.
    auto key = [](StepId, const FieldChange &c) {
        const bool registration = c.field == QLatin1String("registrationState");
        return QStringLiteral("%1|%2|%3").arg(c.field, registration ? QString() : c.before, c.after);
    };
    QSet<QString> allowedChanges;
    for (const auto &step : approved.steps) {
        for (const auto &c : step.changes)
            allowedChanges.insert(key(step.id, c));
    }
    bool ok = true;
    for (const auto &c : writes()) {
        const QString w = QStringLiteral("%1 %2").arg(c.method, c.path.toLower());
        if (allowedWrites.removeOne(w))
            continue;
        ok = false;
        if (beyond)
            *beyond << c.purpose;
    }
    for (const auto &step : steps) {
        for (const auto &c : step.changes) {
            if (allowedChanges.contains(key(step.id, c)))
                continue;
            ok = false;
            if (beyond)
                *beyond << c.text;
        }
    }
    return ok;
}

QJsonObject Plan::toJson() const
{
    QJsonArray list;
    for (const auto &s : steps)
        list.append(s.toJson());
    return QJsonObject{{QStringLiteral("steps"), list}, {QStringLiteral("nothingToDo"), nothingToDo()}};
}

Plan buildPlan(const PlanInput &in, const Observed &now, const std::function<QString(const QString &)> &regionName)
{
    using Services::kDpsApiVersion;
    using Services::kHubApiVersion;
    using Services::kResourcesApiVersion;
    auto region = [&](const QString &name) { return regionName ? regionName(name) : name; };
    const QString hubSub = in.effectiveHubSubscription();
    const bool sameSubscription = hubSub.compare(in.subscriptionId, Qt::CaseInsensitive) == 0;
    const bool sharedGroup = sameSubscription && in.effectiveHubResourceGroup().compare(in.resourceGroup, Qt::CaseInsensitive) == 0;
    const QString rgPath = QStringLiteral("/subscriptions/%1/resourcegroups/%2").arg(in.subscriptionId, in.resourceGroup);
    const QString hubRgPath = QStringLiteral("/subscriptions/%1/resourcegroups/%2").arg(hubSub, in.effectiveHubResourceGroup());
    const QString dpsPath = QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Devices/provisioningServices/%3")
                                .arg(in.subscriptionId, in.resourceGroup, in.dpsName);
    const QString hubPath = QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Devices/IotHubs/%3")
                                .arg(hubSub, in.effectiveHubResourceGroup(), in.hubName);

    Plan plan;
    plan.input = in;

    // Microsoft.Devices in each subscription: registered by the plan where it is not.
    auto providerStep = [&](StepId id, const QString &sub, const std::optional<Arm::ProviderState> &state, bool same) {
        PlanStep s;
        s.id = id;
        if (same) {
            s.text = tr("The IoT hub is in the DPS's subscription.");
            s.quiet = true;
        } else if (!state || state->isRegistered()) {
            s.text = tr("Microsoft.Devices is registered in the subscription %1.").arg(sub);
            s.quiet = true;
        } else {
            s.action = StepAction::Register;
            s.text = tr("Register the resource provider Microsoft.Devices in the subscription %1 (it takes a minute or two).").arg(sub);
            s.changes.append(FieldChange{QStringLiteral("registrationState"), state->registrationState, QStringLiteral("Registered"),
                                         tr("Microsoft.Devices: from %1 to Registered").arg(state->registrationState), true});
            s.calls.append(call(id, "POST", devicesProvider(sub) + QStringLiteral("/register"), kResourcesApiVersion,
                                tr("Register Microsoft.Devices in the subscription %1").arg(sub), true));
            s.calls.append(call(id, "GET", devicesProvider(sub), kResourcesApiVersion, tr("Wait until Microsoft.Devices is registered"), false));
        }
        plan.steps.append(s);
    };
    providerStep(StepId::Provider, in.subscriptionId, now.provider, false);
    providerStep(StepId::HubProvider, hubSub, now.hubProvider, sameSubscription);

    // Resource groups.
    auto groupStep = [&](StepId id, const QString &name, const QString &path, const QString &location, bool exists, bool shared) {
        PlanStep s;
        s.id = id;
        if (shared) {
            s.text = tr("The IoT hub goes into the DPS's resource group.");
            s.quiet = true;
        } else if (exists) {
            s.text = tr("Use the existing resource group '%1'.").arg(name);
        } else {
            s.action = StepAction::Create;
            s.text = tr("Create the resource group '%1' in %2.").arg(name, region(location));
            s.changes.append(FieldChange{QStringLiteral("location"), QString(), location, tr("Region: %1").arg(region(location))});
            s.calls.append(call(id, "PUT", path, kResourcesApiVersion, tr("Create the resource group '%1'").arg(name), true));
        }
        plan.steps.append(s);
    };
    groupStep(StepId::ResourceGroup, in.resourceGroup, rgPath, in.location, now.groupExists, false);
    groupStep(StepId::HubResourceGroup, in.effectiveHubResourceGroup(), hubRgPath, in.effectiveHubLocation(), now.hubGroupExists, sharedGroup);

    // The DPS. A new one gets the chosen allocation policy in its creation PUT.
    const QString wantedPolicy = in.allocationPolicy.isEmpty() ? QString() : canonicalPolicy(in.allocationPolicy);
    {
        PlanStep s;
        s.id = StepId::Dps;
        s.after = {StepId::Provider, StepId::ResourceGroup};
        if (!now.dps) {
            const QString policy = wantedPolicy.isEmpty() ? QStringLiteral("Hashed") : wantedPolicy;
            s.action = StepAction::Create;
            s.text = tr("Create the Device Provisioning Service '%1' (S1, %n unit(s)) in %2 with the allocation policy %3.", nullptr, int(in.dpsUnits))
                         .arg(in.dpsName, region(in.location), allocationPolicyName(policy));
            s.changes.append(FieldChange{QStringLiteral("location"), QString(), in.location, tr("Region: %1").arg(region(in.location))});
            s.changes.append(FieldChange{QStringLiteral("sku"), QString(), QStringLiteral("S1:%1").arg(in.dpsUnits),
                                         tr("Tier: S1, %n unit(s)", nullptr, int(in.dpsUnits))});
            s.changes.append(FieldChange{QStringLiteral("allocationPolicy"), QString(), policy,
                                         tr("Allocation policy: %1").arg(allocationPolicyName(policy))});
            s.calls.append(call(StepId::Dps, "PUT", dpsPath, kDpsApiVersion,
                                tr("Create the DPS '%1' with the allocation policy %2, then wait until it is active").arg(in.dpsName, policy), true));
            s.calls.append(call(StepId::Dps, "GET", dpsPath, kDpsApiVersion, tr("Read the new DPS (ID scope, endpoints)"), false));
        } else if (!isFinalState(now.dps->provisioningState)) {
            s.action = StepAction::Wait;
            s.text = tr("Wait for the DPS '%1', which Azure is still creating or updating (Azure says: %2), then use it.")
                         .arg(in.dpsName, now.dps->provisioningState);
            s.calls.append(call(StepId::Dps, "GET", dpsPath, kDpsApiVersion, tr("Wait until the DPS is active"), false));
        } else {
            s.text = tr("Use the existing Device Provisioning Service '%1'.").arg(in.dpsName);
        }
        plan.steps.append(s);
    }

    // The hub.
    {
        PlanStep s;
        s.id = StepId::Hub;
        s.after = {sameSubscription ? StepId::Provider : StepId::HubProvider, sharedGroup ? StepId::ResourceGroup : StepId::HubResourceGroup};
        if (!now.hub) {
            const bool free = in.hubSku == QLatin1String("F1");
            const int partitions = free ? 2 : in.hubPartitions;
            s.action = StepAction::Create;
            s.text = tr("Create the IoT hub '%1' (%2, %n unit(s), %3 partitions) in %4.", nullptr, int(in.hubUnits))
                         .arg(in.hubName, in.hubSku)
                         .arg(partitions)
                         .arg(region(in.effectiveHubLocation()));
            if (!sameSubscription)
                s.text += QLatin1Char(' ') + tr("It goes into the subscription %1.").arg(hubSub);
            s.changes.append(FieldChange{QStringLiteral("location"), QString(), in.effectiveHubLocation(),
                                         tr("Region: %1").arg(region(in.effectiveHubLocation()))});
            s.changes.append(FieldChange{QStringLiteral("sku"), QString(), QStringLiteral("%1:%2").arg(in.hubSku).arg(in.hubUnits),
                                         tr("Tier: %1, %n unit(s)", nullptr, int(in.hubUnits)).arg(in.hubSku)});
            s.changes.append(FieldChange{QStringLiteral("partitions"), QString(), QString::number(partitions),
                                         tr("Device-to-cloud partitions: %1").arg(partitions)});
            s.calls.append(call(StepId::Hub, "PUT", hubPath, kHubApiVersion,
                                tr("Create the IoT hub '%1', then wait until it is active").arg(in.hubName), true));
            s.calls.append(call(StepId::Hub, "GET", hubPath, kHubApiVersion, tr("Read the new IoT hub (host name)"), false));
        } else if (!isFinalState(now.hub->provisioningState)) {
            s.action = StepAction::Wait;
            s.text = tr("Wait for the IoT hub '%1', which Azure is still creating or updating (Azure says: %2), then use it.")
                         .arg(in.hubName, now.hub->provisioningState);
            s.calls.append(call(StepId::Hub, "GET", hubPath, kHubApiVersion, tr("Wait until the IoT hub is active"), false));
        } else {
            s.text = sameSubscription ? tr("Use the existing IoT hub '%1'.").arg(in.hubName)
                                      : tr("Use the existing IoT hub '%1' of the subscription %2.").arg(in.hubName, hubSub);
        }
        plan.steps.append(s);
    }

    // The link and the allocation policy: both live in the DPS, so they are one PUT when both change.
    const QString hubHost = now.hub ? now.hub->hostName : QString();
    const std::optional<Arm::LinkedHub> link = now.dps && now.hub ? linkedHubOf(*now.dps, in.hubName, hubHost) : std::nullopt;
    const QString currentPolicy = now.dps ? canonicalPolicy(now.dps->allocationPolicy) : QString();
    const bool policyChanges = now.dps && !wantedPolicy.isEmpty() && currentPolicy != wantedPolicy;
    PlanStep linkStep;
    linkStep.id = StepId::Link;
    linkStep.after = {StepId::Dps, StepId::Hub};
    // A link left behind by a deleted hub of the same name (the hub is created now): it holds the old
    // hub's key, so it is replaced, not kept.
    const std::optional<Arm::LinkedHub> stale = now.dps && !now.hub ? linkedHubOf(*now.dps, in.hubName) : std::nullopt;
    QList<FieldChange> linkChanges;
    bool addLink = false;
    if (stale) {
        addLink = true;
        linkChanges.append(FieldChange{QStringLiteral("iotHubs[%1].connectionString").arg(in.hubName), QStringLiteral("deleted hub"),
                                       QStringLiteral("new hub, allocationWeight=%1, applyAllocationPolicy=%2")
                                           .arg(in.link.allocationWeight)
                                           .arg(boolKey(in.link.applyAllocationPolicy)),
                                       tr("Replace the link to '%1', which still holds the key of a deleted IoT hub of that name, with "
                                          "a link to the new hub (access policy '%2', allocation weight %3, apply allocation policy: %4)")
                                           .arg(in.hubName, in.link.accessPolicy)
                                           .arg(in.link.allocationWeight)
                                           .arg(yesNo(in.link.applyAllocationPolicy))});
    } else if (!link) {
        addLink = true;
        linkChanges.append(FieldChange{QStringLiteral("iotHubs[%1]").arg(in.hubName), QString(),
                                       QStringLiteral("allocationWeight=%1, applyAllocationPolicy=%2")
                                           .arg(in.link.allocationWeight)
                                           .arg(boolKey(in.link.applyAllocationPolicy)),
                                       tr("Link the IoT hub '%1' with its access policy '%2', allocation weight %3, apply allocation policy: %4")
                                           .arg(in.hubName, in.link.accessPolicy)
                                           .arg(in.link.allocationWeight)
                                           .arg(yesNo(in.link.applyAllocationPolicy))});
    } else {
        if (link->allocationWeight != in.link.allocationWeight)
            linkChanges.append(FieldChange{QStringLiteral("iotHubs[%1].allocationWeight").arg(in.hubName), QString::number(link->allocationWeight),
                                           QString::number(in.link.allocationWeight),
                                           tr("Change the allocation weight of the link to '%1' from %2 to %3")
                                               .arg(in.hubName)
                                               .arg(link->allocationWeight)
                                               .arg(in.link.allocationWeight)});
        if (link->applyAllocationPolicy != in.link.applyAllocationPolicy)
            linkChanges.append(FieldChange{QStringLiteral("iotHubs[%1].applyAllocationPolicy").arg(in.hubName), boolKey(link->applyAllocationPolicy),
                                           boolKey(in.link.applyAllocationPolicy),
                                           in.link.applyAllocationPolicy
                                               ? tr("Change 'apply allocation policy' of the link to '%1' from no to yes").arg(in.hubName)
                                               : tr("Change 'apply allocation policy' of the link to '%1' from yes to no").arg(in.hubName)});
    }
    const FieldChange policyChange{QStringLiteral("allocationPolicy"), currentPolicy, wantedPolicy,
                                   tr("Change the allocation policy from %1 to %2").arg(allocationPolicyName(currentPolicy), allocationPolicyName(wantedPolicy)),
                                   true};
    if (!linkChanges.isEmpty()) {
        // A link on a new DPS is part of what is new; on an existing DPS it changes that DPS.
        linkStep.action = now.dps ? StepAction::Update : StepAction::Create;
        for (FieldChange &c : linkChanges)
            c.existing = now.dps.has_value();
        linkStep.changes = linkChanges;
        // A dedicated access policy is added to the hub first, when the hub doesn't have it yet.
        if (addLink && in.link.createPolicy && (!now.hub || !now.accessPolicy)) {
            linkStep.changes.prepend(FieldChange{QStringLiteral("authorizationPolicies[%1]").arg(in.link.accessPolicy), QString(),
                                                 QStringLiteral("RegistryWrite, ServiceConnect"),
                                                 tr("Add the access policy '%1' with only RegistryWrite and ServiceConnect to the IoT hub '%2'")
                                                     .arg(in.link.accessPolicy, in.hubName),
                                                 now.hub.has_value()});
            linkStep.calls.append(call(StepId::Link, "POST", hubPath + QStringLiteral("/listkeys"), kHubApiVersion,
                                       tr("Read the hub's access policies (kept in memory only)"), false));
            linkStep.calls.append(call(StepId::Link, "PUT", hubPath, kHubApiVersion,
                                       tr("Add the access policy '%1' to the IoT hub '%2'").arg(in.link.accessPolicy, in.hubName), true));
        }
        if (addLink)
            linkStep.calls.append(call(StepId::Link, "POST", hubPath + QStringLiteral("/IotHubKeys/%1/listkeys").arg(in.link.accessPolicy), kHubApiVersion,
                                       tr("Read the key of the access policy '%1' (kept in memory only)").arg(in.link.accessPolicy), false));
        if (policyChanges)
            linkStep.changes.append(policyChange);
        const bool existingDps = now.dps.has_value();
        if (existingDps)
            linkStep.calls.append(call(StepId::Link, "GET", dpsPath, kDpsApiVersion,
                                       tr("Read the DPS again just before changing it (what changed meanwhile is kept)"), false));
        linkStep.text = addLink ? tr("Link the IoT hub '%1' to the DPS '%2' with its access policy '%3', allocation weight %4, apply "
                                     "allocation policy: %5.")
                                      .arg(in.hubName, in.dpsName, in.link.accessPolicy)
                                      .arg(in.link.allocationWeight)
                                      .arg(yesNo(in.link.applyAllocationPolicy))
                                : tr("Change the link of the IoT hub '%1' to the DPS '%2'.").arg(in.hubName, in.dpsName);
        if (policyChanges)
            linkStep.text += QLatin1Char(' ') + tr("The allocation policy changes in the same update.");
        linkStep.calls.append(call(StepId::Link, "PUT", dpsPath, kDpsApiVersion,
                                   policyChanges ? tr("Update the DPS '%1': the link and the allocation policy in one request").arg(in.dpsName)
                                   : existingDps ? tr("Update the DPS '%1': the link").arg(in.dpsName)
                                                 : tr("Link the IoT hub to the new DPS '%1'").arg(in.dpsName),
                                   true));
        linkStep.calls.append(call(StepId::Link, "GET", dpsPath, kDpsApiVersion, tr("Wait until the DPS is active again"), false));
    } else {
        linkStep.text = tr("The IoT hub '%1' is already linked to the DPS with allocation weight %2 and apply allocation policy: %3. Nothing to change.")
                            .arg(in.hubName)
                            .arg(link->allocationWeight)
                            .arg(yesNo(link->applyAllocationPolicy));
    }
    plan.steps.append(linkStep);

    PlanStep policyStep;
    policyStep.id = StepId::Policy;
    policyStep.after = {StepId::Dps, StepId::Link};
    if (!now.dps) {
        policyStep.text = tr("The new DPS gets the allocation policy %1 when it is created.")
                              .arg(allocationPolicyName(wantedPolicy.isEmpty() ? QStringLiteral("Hashed") : wantedPolicy));
        policyStep.quiet = true; // said by the DPS's creation
    } else if (!policyChanges) {
        policyStep.text = tr("Keep the allocation policy %1.").arg(allocationPolicyName(currentPolicy));
    } else if (linkStep.action != StepAction::Nothing) {
        policyStep.text = tr("The allocation policy changes with the link, in one update of the DPS.");
        policyStep.quiet = true; // said by the link's step
    } else {
        policyStep.action = StepAction::Update;
        policyStep.changes.append(policyChange);
        policyStep.changes.last().existing = true;
        policyStep.text = policyChange.text + QLatin1Char('.');
        policyStep.calls.append(call(StepId::Policy, "GET", dpsPath, kDpsApiVersion,
                                     tr("Read the DPS again just before changing it (what changed meanwhile is kept)"), false));
        policyStep.calls.append(call(StepId::Policy, "PUT", dpsPath, kDpsApiVersion,
                                     tr("Update the DPS '%1': the allocation policy").arg(in.dpsName), true));
        policyStep.calls.append(call(StepId::Policy, "GET", dpsPath, kDpsApiVersion, tr("Wait until the DPS is active again"), false));
    }
    plan.steps.append(policyStep);
    return plan;
}

} // namespace Dps::Setup
