#pragma once

#include "SetupPlan.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Dps::Setup {

// What Azure holds now, read before the plan is made (SetupEngine's checks). Only what the plan
// depends on; secrets never (an access policy is kept with its name and rights only).
struct Observed
{
    std::optional<Arm::ProviderState> provider;    // Microsoft.Devices in the DPS's subscription
    std::optional<Arm::ProviderState> hubProvider; // ... in the hub's, when that is another subscription
    bool groupExists = false;
    bool hubGroupExists = false; // the hub's group, when it is another one than the DPS's
    std::optional<Arm::ProvisioningService> dps; // unset: there is none
    std::optional<Arm::IotHub> hub;
    // The link's access policy on an existing hub (rights only); unset: the hub has none of that name.
    std::optional<Arm::AccessPolicy> accessPolicy;
};

// What one step does to its resource.
enum class StepAction {
    Nothing,  // it is there as wanted
    Register, // register Microsoft.Devices in a subscription
    Create,   // create the resource
    Update,   // change an existing resource (see the step's changes)
    Wait,     // an earlier run started it: wait for Azure to finish (no write)
};
QString actionKey(StepAction action); // stable, for JSON: nothing, register, create, update, wait

// One field of a resource, before -> after. `before` is empty for what a step creates.
struct FieldChange
{
    QString field;  // stable: "allocationPolicy", "iotHubs[<host>].allocationWeight", "authorizationPolicies[<name>]"
    QString before; // stable values: "Static", "1", "true"; empty: not there
    QString after;
    QString text;   // translated sentence: "Change the allocation policy from Static configuration to ..."
    bool existing = false; // changes a resource that is there already (also within a step that creates)
    QJsonObject toJson() const;
};

struct PlanStep
{
    StepId id = StepId::ResourceGroup;
    StepAction action = StepAction::Nothing;
    QList<StepId> after; // starts when these have succeeded (or had nothing to do)
    QString text;        // translated: what the step does, or why there is nothing to do
    QList<FieldChange> changes; // for an update: each changed field
    QList<PlannedCall> calls;   // the ARM calls it makes, reads and writes, in order
    bool quiet = false;         // nothing to do and nothing worth saying (same subscription, registered)
    bool writes() const;        // any call that changes Azure
    QJsonObject toJson() const;
};

// The plan: every step (those with nothing to do too), in an order that respects `after`.
struct Plan
{
    PlanInput input;
    QList<PlanStep> steps;

    const PlanStep *step(StepId id) const;
    StepAction action(StepId id) const; // Nothing for a step not in the plan
    bool nothingToDo() const;           // no step writes or waits
    // The plan in words, for every front end: what is created (or waited for), what changes in existing
    // resources (each change before -> after; registrations), and what stays as it is.
    struct Summary
    {
        QStringList created, changed, unchanged;
    };
    Summary summary() const;
    QList<PlannedCall> calls() const;   // all, step by step
    QList<PlannedCall> writes() const;  // the calls that change Azure
    // The writes as "METHOD path" lines (lower-case paths), then each change as "field: before -> after":
    // two plans of the same choices with the same signature change Azure in the same way.
    QStringList writeSignature() const;
    // Whether this plan (made again at Apply, or at a Retry after part of a run) does nothing beyond
    // `approved`, the plan the person saw: each of its writes is one of approved's, and each change is
    // one of approved's, before and after (a registration's "before" may have moved on). What goes
    // beyond is added to `beyond` in words.
    bool within(const Plan &approved, QStringList *beyond = nullptr) const;
    QJsonObject toJson() const; // {steps: [{step, action, after, text, changes, calls}], nothingToDo}
};

// Azure is done with the resource: Succeeded, Failed, Canceled, or no provisioning state at all.
// Anything else (Accepted, Creating, Updating, ...) is still in progress.
bool isFinalState(const QString &provisioningState);

// The DPS's link to the hub: by its host name, or by the hub's name when the host is not known (a hub
// still to be created, whose name a deleted hub may have had).
std::optional<Arm::LinkedHub> linkedHubOf(const Arm::ProvisioningService &dps, const QString &hubName, const QString &hubHost = {});

// Translated name of an allocation policy: "Evenly weighted distribution" for Hashed, ...
QString allocationPolicyName(const QString &policy);

// The plan of `input` against what Azure holds (`now`). Pure: same input, same plan. `regionName`
// (optional) turns "westeurope" into "West Europe" in the texts.
Plan buildPlan(const PlanInput &input, const Observed &now, const std::function<QString(const QString &)> &regionName = {});

} // namespace Dps::Setup
