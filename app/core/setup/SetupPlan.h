#pragma once

#include "arm/ArmError.h"
#include "arm/Resources.h"
#include "services/AzureService.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Dps::Setup {

// What the person chose: each resource either new or existing (the portal tutorial's blades).
struct PlanInput
{
    QString subscriptionId;
    QString tenantId;            // the subscription's tenant (whose token)
    QString resourceGroup;
    bool createResourceGroup = true; // false: it must exist
    QString location;            // region of new resources (name, e.g. westeurope)

    QString dpsName;
    bool createDps = true;
    qint64 dpsUnits = 1;

    // The hub may live in another subscription (and tenant) than the DPS.
    QString hubSubscriptionId;   // empty: same as subscriptionId
    QString hubTenantId;         // empty: same as tenantId
    QString hubResourceGroup;    // empty: same as resourceGroup
    bool createHubResourceGroup = true;
    QString hubName;
    bool createHub = true;
    QString hubSku = QStringLiteral("S1");
    qint64 hubUnits = 1;
    int hubPartitions = 4;
    QString hubLocation;         // empty: same as location

    Services::LinkOptions link;
    QString allocationPolicy = QStringLiteral("Hashed"); // Hashed, GeoLatency, Static; empty: keep the DPS's own
    // Register Microsoft.Devices where it is not registered (the DPS's and the hub's subscription), as
    // a step of the plan that runs beside the others; false: an unregistered subscription fails the checks.
    bool registerProviders = false;

    // Effective values (the defaults above resolved).
    QString effectiveHubSubscription() const { return hubSubscriptionId.isEmpty() ? subscriptionId : hubSubscriptionId; }
    QString effectiveHubTenant() const { return hubTenantId.isEmpty() ? tenantId : hubTenantId; }
    QString effectiveHubResourceGroup() const { return hubResourceGroup.isEmpty() ? resourceGroup : hubResourceGroup; }
    QString effectiveHubLocation() const { return hubLocation.isEmpty() ? location : hubLocation; }
    Services::ResourceRef dpsRef() const { return {subscriptionId, resourceGroup, dpsName, tenantId}; }
    Services::ResourceRef hubRef() const { return {effectiveHubSubscription(), effectiveHubResourceGroup(), hubName, effectiveHubTenant()}; }

    QJsonObject toJson() const;
    static PlanInput fromJson(const QJsonObject &json);
    // A stable key for the run journal: the same plan resumes the same journal.
    QString journalKey() const;
};

// The steps of a setup, in plan order. Provider/HubProvider register Microsoft.Devices; Link is the
// DPS update that links the hub (and sets the allocation policy in the same PUT when both change);
// Policy changes the allocation policy alone.
enum class StepId { Provider, HubProvider, ResourceGroup, HubResourceGroup, Dps, Hub, Link, Policy };
enum class StepState { Pending, Running, Succeeded, AlreadyDone, Failed, Cancelled, Blocked };

QString stepName(StepId id);      // translated, e.g. "Create the resource group"
QString stateName(StepState state); // translated
QString stepKey(StepId id);       // stable, for JSON: provider, hubProvider, resourceGroup, hubResourceGroup, dps, hub, link, policy
QString stateKey(StepState state); // stable, for JSON: pending, running, succeeded, alreadyDone, failed, cancelled, blocked

struct StepStatus
{
    StepId id = StepId::ResourceGroup;
    StepState state = StepState::Pending;
    qint64 startedMs = 0;
    qint64 elapsedMs = 0;
    QString azureStatus; // what Azure reports: Accepted, Running, Succeeded...
    Arm::ArmError error;
    bool isTerminal() const;
};

// One ARM call the plan will make, in order, for the review page and exports.
struct PlannedCall
{
    StepId step = StepId::ResourceGroup;
    QString method;  // GET, PUT, POST...
    QString path;    // /subscriptions/.../providers/Microsoft.Devices/...
    QString apiVersion;
    QString purpose; // translated: "Create the DPS 'x' in West Europe"
    bool write = false; // changes Azure (a PUT, a registration); a listkeys POST only reads
    bool isWrite() const { return write; }
};

// A pre-flight check (before any write).
struct CheckResult
{
    QString id;       // "dps-name", "hub-active", "provider-registered", ...
    bool passed = false;
    QString message;  // translated, what is wrong (or what was checked)
    QString fix;      // translated, what to do; may be empty
    bool fixable = false; // the engine can fix it (e.g. register Microsoft.Devices)
    std::optional<Arm::ArmError> cause; // set when the check could not be made: the call's error
};

struct SetupResult
{
    Arm::ProvisioningService dps;
    Arm::IotHub hub;
    QString idScope;
    QString serviceEndpoint;      // DPS serviceOperationsHostName
    QString globalDeviceEndpoint; // global.azure-devices-provisioning.net
    QString hubHostName;
    QJsonObject toJson() const;
};

} // namespace Dps::Setup

Q_DECLARE_METATYPE(Dps::Setup::StepStatus)
Q_DECLARE_METATYPE(Dps::Setup::SetupResult)
