#include "SetupPlan.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

namespace Dps::Setup {

QJsonObject PlanInput::toJson() const
{
    return QJsonObject{{QStringLiteral("subscriptionId"), subscriptionId},
                       {QStringLiteral("tenantId"), tenantId},
                       {QStringLiteral("resourceGroup"), resourceGroup},
                       {QStringLiteral("createResourceGroup"), createResourceGroup},
                       {QStringLiteral("location"), location},
                       {QStringLiteral("dpsName"), dpsName},
                       {QStringLiteral("createDps"), createDps},
                       {QStringLiteral("dpsUnits"), double(dpsUnits)},
                       {QStringLiteral("hubSubscriptionId"), hubSubscriptionId},
                       {QStringLiteral("hubTenantId"), hubTenantId},
                       {QStringLiteral("hubResourceGroup"), hubResourceGroup},
                       {QStringLiteral("createHubResourceGroup"), createHubResourceGroup},
                       {QStringLiteral("hubName"), hubName},
                       {QStringLiteral("createHub"), createHub},
                       {QStringLiteral("hubSku"), hubSku},
                       {QStringLiteral("hubUnits"), double(hubUnits)},
                       {QStringLiteral("hubPartitions"), hubPartitions},
                       {QStringLiteral("hubLocation"), hubLocation},
                       {QStringLiteral("accessPolicy"), link.accessPolicy},
                       {QStringLiteral("createAccessPolicy"), link.createPolicy},
                       {QStringLiteral("allocationWeight"), link.allocationWeight},
                       {QStringLiteral("applyAllocationPolicy"), link.applyAllocationPolicy},
                       {QStringLiteral("allocationPolicy"), allocationPolicy},
                       {QStringLiteral("registerProviders"), registerProviders}};
}

namespace {
// A count from a remembered file, which may be old, edited or damaged: a whole number in range.
qint64 countFrom(const QJsonValue &v, qint64 fallback, qint64 max)
{
    const double d = v.toDouble(double(fallback));
    return d >= 1 && d <= double(max) ? qint64(d) : fallback;
}
} // namespace

PlanInput PlanInput::fromJson(const QJsonObject &j)
{
    PlanInput p;
    p.subscriptionId = j.value(QStringLiteral("subscriptionId")).toString();
    p.tenantId = j.value(QStringLiteral("tenantId")).toString();
    p.resourceGroup = j.value(QStringLiteral("resourceGroup")).toString();
    p.createResourceGroup = j.value(QStringLiteral("createResourceGroup")).toBool(true);
    p.location = j.value(QStringLiteral("location")).toString();
    p.dpsName = j.value(QStringLiteral("dpsName")).toString();
    p.createDps = j.value(QStringLiteral("createDps")).toBool(true);
    p.dpsUnits = countFrom(j.value(QStringLiteral("dpsUnits")), 1, 10);
    p.hubSubscriptionId = j.value(QStringLiteral("hubSubscriptionId")).toString();
    p.hubTenantId = j.value(QStringLiteral("hubTenantId")).toString();
    p.hubResourceGroup = j.value(QStringLiteral("hubResourceGroup")).toString();
    p.createHubResourceGroup = j.value(QStringLiteral("createHubResourceGroup")).toBool(true);
    p.hubName = j.value(QStringLiteral("hubName")).toString();
    p.createHub = j.value(QStringLiteral("createHub")).toBool(true);
    p.hubSku = j.value(QStringLiteral("hubSku")).toString(QStringLiteral("S1"));
    p.hubUnits = countFrom(j.value(QStringLiteral("hubUnits")), 1, 200);
    p.hubPartitions = j.value(QStringLiteral("hubPartitions")).toInt(4);
    p.hubLocation = j.value(QStringLiteral("hubLocation")).toString();
    p.link.accessPolicy = j.value(QStringLiteral("accessPolicy")).toString(QStringLiteral("iothubowner"));
    p.link.allocationWeight = j.value(QStringLiteral("allocationWeight")).toInt(1);
    p.link.createPolicy = j.value(QStringLiteral("createAccessPolicy")).toBool(false);
    p.link.applyAllocationPolicy = j.value(QStringLiteral("applyAllocationPolicy")).toBool(true);
    p.allocationPolicy = j.value(QStringLiteral("allocationPolicy")).toString(QStringLiteral("Hashed"));
    p.registerProviders = j.value(QStringLiteral("registerProviders")).toBool(false);
    return p;
}

QString PlanInput::journalKey() const
{
    // Identity of the plan's resources (not of its options): the same DPS and hub resume one journal.
    const QString identity = QStringList{subscriptionId.toLower(), resourceGroup.toLower(), dpsName.toLower(),
                                         effectiveHubSubscription().toLower(), effectiveHubResourceGroup().toLower(),
                                         hubName.toLower()}
                                 .join(QLatin1Char('/'));
    return QString::fromLatin1(QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
}

QString stepName(StepId id)
{
    switch (id) {
    case StepId::Provider: return QCoreApplication::translate("Dps::Setup", "Microsoft.Devices registration");
    case StepId::HubProvider: return QCoreApplication::translate("Dps::Setup", "Microsoft.Devices registration of the hub's subscription");
    case StepId::ResourceGroup: return QCoreApplication::translate("Dps::Setup", "Resource group");
    case StepId::HubResourceGroup: return QCoreApplication::translate("Dps::Setup", "Resource group of the IoT hub");
    case StepId::Dps: return QCoreApplication::translate("Dps::Setup", "Device Provisioning Service");
    case StepId::Hub: return QCoreApplication::translate("Dps::Setup", "IoT hub");
    case StepId::Link: return QCoreApplication::translate("Dps::Setup", "Link the IoT hub to the DPS");
    case StepId::Policy: return QCoreApplication::translate("Dps::Setup", "Allocation policy");
    }
    return {};
}

QString stateName(StepState state)
{
    switch (state) {
    case StepState::Pending: return QCoreApplication::translate("Dps::Setup", "Waiting");
    case StepState::Running: return QCoreApplication::translate("Dps::Setup", "Running");
    case StepState::Succeeded: return QCoreApplication::translate("Dps::Setup", "Done");
    case StepState::AlreadyDone: return QCoreApplication::translate("Dps::Setup", "Already done");
    case StepState::Failed: return QCoreApplication::translate("Dps::Setup", "Failed");
    case StepState::Cancelled: return QCoreApplication::translate("Dps::Setup", "Cancelled");
    case StepState::Blocked: return QCoreApplication::translate("Dps::Setup", "Not started (an earlier step failed)");
    }
    return {};
}

QString stepKey(StepId id)
{
    switch (id) {
    case StepId::Provider: return QStringLiteral("provider");
    case StepId::HubProvider: return QStringLiteral("hubProvider");
    case StepId::ResourceGroup: return QStringLiteral("resourceGroup");
    case StepId::HubResourceGroup: return QStringLiteral("hubResourceGroup");
    case StepId::Dps: return QStringLiteral("dps");
    case StepId::Hub: return QStringLiteral("hub");
    case StepId::Link: return QStringLiteral("link");
    case StepId::Policy: return QStringLiteral("policy");
    }
    return {};
}

QString stateKey(StepState state)
{
    switch (state) {
    case StepState::Pending: return QStringLiteral("pending");
    case StepState::Running: return QStringLiteral("running");
    case StepState::Succeeded: return QStringLiteral("succeeded");
    case StepState::AlreadyDone: return QStringLiteral("alreadyDone");
    case StepState::Failed: return QStringLiteral("failed");
    case StepState::Cancelled: return QStringLiteral("cancelled");
    case StepState::Blocked: return QStringLiteral("blocked");
    }
    return {};
}

bool StepStatus::isTerminal() const
{
    return state != StepState::Pending && state != StepState::Running;
}

QJsonObject SetupResult::toJson() const
{
    return QJsonObject{{QStringLiteral("dps"), dps.name},
                       {QStringLiteral("dpsId"), dps.id},
                       {QStringLiteral("idScope"), idScope},
                       {QStringLiteral("serviceEndpoint"), serviceEndpoint},
                       {QStringLiteral("globalDeviceEndpoint"), globalDeviceEndpoint},
                       {QStringLiteral("allocationPolicy"), dps.allocationPolicy},
                       {QStringLiteral("hub"), hub.name},
                       {QStringLiteral("hubId"), hub.id},
                       {QStringLiteral("hubHostName"), hubHostName}};
}

} // namespace Dps::Setup
