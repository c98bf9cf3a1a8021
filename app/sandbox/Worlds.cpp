#include "DevicesModel.h"
#include "Sandbox.h"

#include <QRandomGenerator>

namespace Dps::Sandbox {

namespace {

// The Azure CLI's well-known public client id, which azure-identity also uses by default
// (entra-auth-and-secrets.md section 2): the sandbox knows it so that unmodified tools sign in.
const QString kAzureCliClientId = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
// DPS Setup's own app registration in the sandbox (an example of "register your own app").
const QString kDpsSetupClientId = QStringLiteral("5a1e0d4c-9b7e-4f0a-a3d2-0d95e7a1c001");

QByteArray randomBytes(int n)
{
    QByteArray raw(n, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), n / 4);
    return raw;
}

QString randomSecret()
{
    // Obviously a sandbox secret: prefix plus random characters.
    return QStringLiteral("sbx~") + QString::fromLatin1(randomBytes(24).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void addTenant(World &w, const QString &id, const QString &name, const QString &domain)
{
    Tenant t;
    t.tenantId = id;
    t.displayName = name;
    t.defaultDomain = domain;
    w.tenants.insert(id.toLower(), t);
}

Subscription &addSubscription(World &w, const QString &id, const QString &tenantId, const QString &name,
                              bool devicesRegistered)
{
    Subscription s;
    s.subscriptionId = id;
    s.tenantId = tenantId;
    s.displayName = name;
    s.providers.insert(QStringLiteral("microsoft.resources"), {QStringLiteral("Registered"), 0});
    s.providers.insert(QStringLiteral("microsoft.devices"),
                       {devicesRegistered ? QStringLiteral("Registered") : QStringLiteral("NotRegistered"), 0});
    w.subscriptions.insert(id.toLower(), s);
    return w.subscriptions[id.toLower()];
}

void addResourceGroup(World &w, const QString &sub, const QString &name, const QString &location)
{
    ResourceGroup g;
    g.subscriptionId = sub;
    g.name = name;
    g.location = location;
    w.resourceGroups.insert(World::rgKey(sub, name), g);
}

void addApplications(World &w)
{
    Application cli;
    cli.clientId = kAzureCliClientId;
    cli.displayName = QStringLiteral("Microsoft Azure CLI");
    cli.redirectUris = {QStringLiteral("http://localhost")};
    w.applications.insert(cli.clientId.toLower(), cli);
    Application own;
    own.clientId = kDpsSetupClientId;
    own.displayName = QStringLiteral("DPS Setup (sandbox registration)");
    own.redirectUris = {QStringLiteral("http://localhost")};
    w.applications.insert(own.clientId.toLower(), own);
}

Principal &addServicePrincipal(World &w, const QString &tenantId, const QString &objectId,
                               const QString &clientId, const QString &name)
{
    Application app;
    app.clientId = clientId;
    app.displayName = name;
    app.publicClient = false;
    app.allowPublicClientFlows = false;
    app.homeTenantId = tenantId;
    w.applications.insert(clientId.toLower(), app);
    Principal p;
    p.objectId = objectId;
    p.isServicePrincipal = true;
    p.homeTenantId = tenantId;
    p.displayName = name;
    p.clientId = clientId;
    p.clientSecret = randomSecret();
    p.tenants = {tenantId};
    for (const auto &s : w.subscriptions) {
        if (s.tenantId == tenantId)
            p.subscriptions.append(s.subscriptionId);
    }
    w.principals.insert(objectId, p);
    return w.principals[objectId];
}

void buildDemo(World &w)
{
    const QString contoso = QStringLiteral("72f988bf-0000-4000-8000-00000000c011");
    const QString fabrikam = QStringLiteral("b3a1d5e2-0000-4000-8000-0000000fab01");
    addTenant(w, contoso, QStringLiteral("Contoso"), QStringLiteral("contoso.example"));
    addTenant(w, fabrikam, QStringLiteral("Fabrikam"), QStringLiteral("fabrikam.example"));

    const QString prod = QStringLiteral("1f0c2a6e-0000-4000-8000-000000000001");
    const QString dev = QStringLiteral("1f0c2a6e-0000-4000-8000-000000000002");
    const QString fab = QStringLiteral("9d4e7b10-0000-4000-8000-000000000003");
    addSubscription(w, prod, contoso, QStringLiteral("Contoso IoT Production"), true);
    addSubscription(w, dev, contoso, QStringLiteral("Contoso Dev/Test"), false); // Microsoft.Devices not registered
    addSubscription(w, fab, fabrikam, QStringLiteral("Fabrikam Factory"), true);

    addApplications(w);
    Principal user;
    user.objectId = QStringLiteral("0a1b2c3d-0000-4000-8000-00000000a1e5");
    user.homeTenantId = contoso;
    user.username = QStringLiteral("alex@contoso.example");
    user.displayName = QStringLiteral("Alex Wilber");
    user.tenants = {contoso, fabrikam};
    user.subscriptions = {prod, dev, fab};
    w.principals.insert(user.objectId, user);
    addServicePrincipal(w, contoso, QStringLiteral("5e7f9a1b-0000-4000-8000-0000000005b1"),
                        QStringLiteral("c0ffee00-0000-4000-8000-0000000005b1"), QStringLiteral("dps-setup-automation"));

    addResourceGroup(w, prod, QStringLiteral("iot-prod-rg"), QStringLiteral("westeurope"));
    addResourceGroup(w, prod, QStringLiteral("iot-shared-rg"), QStringLiteral("eastus"));
    addResourceGroup(w, dev, QStringLiteral("dev-rg"), QStringLiteral("northeurope"));
    addResourceGroup(w, fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("northeurope"));

    Resource &hubWeu = Devices::addHub(w, prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu"), QStringLiteral("westeurope"));
    Devices::addHub(w, prod, QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-hub-eus"), QStringLiteral("eastus"));
    Resource &dps = Devices::addDps(w, prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps"), QStringLiteral("westeurope"));
    Devices::linkHub(dps, hubWeu);
    Devices::addDps(w, prod, QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-dps-staging"), QStringLiteral("eastus"));
    Devices::addHub(w, fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("fabrikam-hub-neu"), QStringLiteral("northeurope"));
}

void buildScale(World &w, int subscriptions, int resources)
{
    const QString tenant = QStringLiteral("5ca1e000-0000-4000-8000-000000000001");
    addTenant(w, tenant, QStringLiteral("Scale Test"), QStringLiteral("scale.example"));
    addApplications(w);
    Principal user;
    user.objectId = QStringLiteral("5ca1e000-0000-4000-8000-0000000a11ce");
    user.homeTenantId = tenant;
    user.username = QStringLiteral("scale@scale.example");
    user.displayName = QStringLiteral("Scale Tester");
    user.tenants = {tenant};
    static const QStringList locations{QStringLiteral("westeurope"), QStringLiteral("eastus"),
                                       QStringLiteral("northeurope"), QStringLiteral("westus2")};
    for (int s = 0; s < subscriptions; ++s) {
        const QString sub = QStringLiteral("5ca1e000-0000-4000-8000-%1").arg(s + 1, 12, 10, QLatin1Char('0'));
        addSubscription(w, sub, tenant, QStringLiteral("Scale subscription %1").arg(s + 1), true);
        user.subscriptions.append(sub);
        const int groups = std::max(1, (resources + 24) / 25);
        for (int g = 0; g < groups; ++g)
            addResourceGroup(w, sub, QStringLiteral("rg-%1").arg(g + 1, 3, 10, QLatin1Char('0')), locations[g % locations.size()]);
        for (int r = 0; r < resources; ++r) {
            const QString rg = QStringLiteral("rg-%1").arg(r % groups + 1, 3, 10, QLatin1Char('0'));
            const QString location = locations[(r % groups) % locations.size()];
            if (r % 2 == 0)
                Devices::addHub(w, sub, rg, QStringLiteral("s%1-hub-%2").arg(s + 1).arg(r + 1), location);
            else
                Devices::addDps(w, sub, rg, QStringLiteral("s%1-dps-%2").arg(s + 1).arg(r + 1), location);
        }
    }
    w.principals.insert(user.objectId, user);
    addServicePrincipal(w, tenant, QStringLiteral("5ca1e000-0000-4000-8000-0000000005b1"),
                        QStringLiteral("5ca1e000-0000-4000-8000-00000000c11d"), QStringLiteral("scale-automation"));
}

void buildEmpty(World &w)
{
    // One tenant, one subscription with Microsoft.Devices registered, a user and a service principal:
    // nothing else, so tests start from a known blank slate.
    const QString tenant = QStringLiteral("e0e0e0e0-0000-4000-8000-000000000001");
    addTenant(w, tenant, QStringLiteral("Sandbox"), QStringLiteral("sandbox.example"));
    const QString sub = QStringLiteral("e0e0e0e0-0000-4000-8000-0000000000a1");
    addSubscription(w, sub, tenant, QStringLiteral("Sandbox subscription"), true);
    addApplications(w);
    Principal user;
    user.objectId = QStringLiteral("e0e0e0e0-0000-4000-8000-00000000a11e");
    user.homeTenantId = tenant;
    user.username = QStringLiteral("user@sandbox.example");
    user.displayName = QStringLiteral("Sandbox User");
    user.tenants = {tenant};
    user.subscriptions = {sub};
    w.principals.insert(user.objectId, user);
    addServicePrincipal(w, tenant, QStringLiteral("e0e0e0e0-0000-4000-8000-0000000005b1"),
                        QStringLiteral("e0e0e0e0-0000-4000-8000-00000000c11d"), QStringLiteral("sandbox-automation"));
}

} // namespace

bool buildWorld(const QString &spec, const SandboxOptions &, World *world, QString *error)
{
    World w;
    w.signingKey = randomBytes(32);
    if (spec == QLatin1String("empty")) {
        buildEmpty(w);
    } else if (spec == QLatin1String("demo")) {
        buildDemo(w);
    } else if (spec.startsWith(QLatin1String("scale:"))) {
        const auto parts = spec.split(QLatin1Char(':'));
        bool ok1 = false, ok2 = false;
        const int s = parts.size() == 3 ? parts[1].toInt(&ok1) : 0;
        const int r = parts.size() == 3 ? parts[2].toInt(&ok2) : 0;
        if (!ok1 || !ok2 || s < 1 || s > 1000 || r < 0 || r > 100000) {
            if (error)
                *error = QStringLiteral("--world scale:SUBSCRIPTIONS:RESOURCES needs 1-1000 subscriptions and 0-100000 resources per subscription, e.g. scale:10:200.");
            return false;
        }
        buildScale(w, s, r);
    } else {
        if (error)
            *error = QStringLiteral("Unknown world '%1': use empty, demo or scale:SUBSCRIPTIONS:RESOURCES.").arg(spec);
        return false;
    }
    *world = std::move(w);
    return true;
}

} // namespace Dps::Sandbox
