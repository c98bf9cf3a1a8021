// Remembered accounts (AccountManager.h): Account and Cloud as JSON, and the QSettings file they live in.
// Nothing here is secret: refresh tokens and client secrets live in the SecretStore only.
#include "AccountManager.h"

#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

#include <algorithm>

namespace Dps::Identity {

namespace {

const QString kOrganization = QStringLiteral("dps-setup");
const QString kApplication = QStringLiteral("dps-setup");
const QString kAccountsGroup = QStringLiteral("accounts");
const QString kLastUsedKey = QStringLiteral("lastUsedAccount");
const QString kClientIdKey = QStringLiteral("signIn/clientId");

QString normalizedUrl(const QUrl &url)
{
    QString s = url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::NormalizePathSegments)
                    .toLower();
    if (!s.endsWith(QLatin1Char('/')))
        s += QLatin1Char('/');
    return s;
}

} // namespace

QString methodName(SignInMethod method)
{
    switch (method) {
    case SignInMethod::Browser:
        return QStringLiteral("browser");
    case SignInMethod::DeviceCode:
        return QStringLiteral("device-code");
    case SignInMethod::ServicePrincipal:
        return QStringLiteral("service-principal");
    case SignInMethod::AzureCli:
        return QStringLiteral("azure-cli");
    }
    return QStringLiteral("browser");
}

bool methodFromName(const QString &name, SignInMethod *out)
{
    for (SignInMethod m : {SignInMethod::Browser,
                           SignInMethod::DeviceCode,
                           SignInMethod::ServicePrincipal,
                           SignInMethod::AzureCli}) {
        if (methodName(m) == name) {
            if (out)
                *out = m;
            return true;
        }
    }
    return false;
}

QString methodLabel(SignInMethod method)
{
    switch (method) {
    case SignInMethod::Browser:
        return QCoreApplication::translate("Dps::Identity::Account", "browser sign-in");
    case SignInMethod::DeviceCode:
        return QCoreApplication::translate("Dps::Identity::Account", "device code sign-in");
    case SignInMethod::ServicePrincipal:
        return QCoreApplication::translate("Dps::Identity::Account", "service principal");
    case SignInMethod::AzureCli:
        return QCoreApplication::translate("Dps::Identity::Account", "Azure CLI login");
    }
    return {};
}

QString cloudKindName(Arm::Cloud::Kind kind)
{
    switch (kind) {
    case Arm::Cloud::Kind::Public:
        return QStringLiteral("public");
    case Arm::Cloud::Kind::China:
        return QStringLiteral("china");
    case Arm::Cloud::Kind::UsGovernment:
        return QStringLiteral("usgov");
    case Arm::Cloud::Kind::Custom:
        return QStringLiteral("custom");
    case Arm::Cloud::Kind::Sandbox:
        return QStringLiteral("sandbox");
    }
    return QStringLiteral("custom");
}

namespace {
// Clouds whose own CA is part of them (a sandbox's self-signed certificate, a private cloud's CA).
bool hasOwnCa(Arm::Cloud::Kind kind)
{
    return kind == Arm::Cloud::Kind::Custom || kind == Arm::Cloud::Kind::Sandbox;
}
} // namespace

QJsonObject cloudToJson(const Arm::Cloud &cloud)
{
    QJsonObject json{{QStringLiteral("kind"), cloudKindName(cloud.kind)},
                     {QStringLiteral("name"), cloud.name},
                     {QStringLiteral("armEndpoint"), cloud.armEndpoint.toString()},
                     {QStringLiteral("authorityHost"), cloud.authorityHost.toString()},
                     {QStringLiteral("armScope"), cloud.armScope}};
    if (!cloud.portalUrl.isEmpty())
        json.insert(QStringLiteral("portalUrl"), cloud.portalUrl.toString());
    // A sandbox's (or private cloud's) own CA: public certificates, needed to reach it again. Only
    // for those: a CA given while signing in to Azure itself is not kept (it would be trusted for
    // Azure's endpoints on every later run).
    QJsonArray certificates;
    if (hasOwnCa(cloud.kind)) {
        for (const QSslCertificate &c : cloud.extraCaCertificates)
            certificates.append(QString::fromLatin1(c.toPem()));
    }
    if (!certificates.isEmpty())
        json.insert(QStringLiteral("caCertificates"), certificates);
    return json;
}

Arm::Cloud cloudFromJson(const QJsonObject &json)
{
    const QString kind = json.value(QStringLiteral("kind")).toString();
    Arm::Cloud cloud;
    if (kind == QLatin1String("public")) {
        cloud = Arm::Cloud::azurePublic();
    } else if (kind == QLatin1String("china")) {
        cloud = Arm::Cloud::azureChina();
    } else if (kind == QLatin1String("usgov")) {
        cloud = Arm::Cloud::azureUsGovernment();
    } else {
        cloud = Arm::Cloud::custom(QUrl(json.value(QStringLiteral("armEndpoint")).toString()),
                                   QUrl(json.value(QStringLiteral("authorityHost")).toString()),
                                   json.value(QStringLiteral("armScope")).toString());
        if (kind == QLatin1String("sandbox")) {
            cloud.kind = Arm::Cloud::Kind::Sandbox;
            cloud.name = QStringLiteral("Sandbox");
        }
        const QString name = json.value(QStringLiteral("name")).toString();
        if (!name.isEmpty())
            cloud.name = name;
        cloud.portalUrl = QUrl(json.value(QStringLiteral("portalUrl")).toString());
    }
    if (hasOwnCa(cloud.kind)) {
        for (const auto &v : json.value(QStringLiteral("caCertificates")).toArray())
            cloud.extraCaCertificates += QSslCertificate::fromData(v.toString().toLatin1(), QSsl::Pem);
    }
    return cloud;
}

bool sameCloud(const Arm::Cloud &a, const Arm::Cloud &b)
{
    return a.kind == b.kind && normalizedUrl(a.armEndpoint) == normalizedUrl(b.armEndpoint)
           && normalizedUrl(a.authorityHost) == normalizedUrl(b.authorityHost);
}

// ---- Account ------------------------------------------------------------------------------------

QString Account::secretKey() const
{
    switch (method) {
    case SignInMethod::Browser:
    case SignInMethod::DeviceCode:
        return Secrets::refreshTokenKey(homeTenantId, id);
    case SignInMethod::ServicePrincipal:
        return Secrets::clientSecretKey(homeTenantId, clientId);
    case SignInMethod::AzureCli:
        break;
    }
    return {};
}

QString Account::label() const
{
    if (!displayName.isEmpty() && displayName != username)
        return QStringLiteral("%1 (%2)").arg(username, displayName);
    return username;
}

QJsonObject Account::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("method"), methodName(method)},
                     {QStringLiteral("cloudName"), cloudName},
                     {QStringLiteral("cloud"), cloud},
                     {QStringLiteral("clientId"), clientId},
                     {QStringLiteral("homeTenantId"), homeTenantId},
                     {QStringLiteral("username"), username},
                     {QStringLiteral("displayName"), displayName}};
    if (!objectId.isEmpty())
        json.insert(QStringLiteral("objectId"), objectId);
    if (needsSignIn)
        json.insert(QStringLiteral("needsSignIn"), true);
    return json;
}

Account Account::fromJson(const QJsonObject &json)
{
    Account a;
    a.id = json.value(QStringLiteral("id")).toString();
    if (!methodFromName(json.value(QStringLiteral("method")).toString(), &a.method))
        a.method = SignInMethod::Browser;
    a.cloudName = json.value(QStringLiteral("cloudName")).toString();
    a.cloud = json.value(QStringLiteral("cloud")).toObject();
    a.clientId = json.value(QStringLiteral("clientId")).toString();
    a.homeTenantId = json.value(QStringLiteral("homeTenantId")).toString();
    a.username = json.value(QStringLiteral("username")).toString();
    a.displayName = json.value(QStringLiteral("displayName")).toString();
    a.objectId = json.value(QStringLiteral("objectId")).toString();
    a.needsSignIn = json.value(QStringLiteral("needsSignIn")).toBool();
    return a;
}

bool Account::sameIdentity(const Account &other) const
{
    const bool sp = method == SignInMethod::ServicePrincipal;
    const bool otherSp = other.method == SignInMethod::ServicePrincipal;
    const bool cli = method == SignInMethod::AzureCli;
    const bool otherCli = other.method == SignInMethod::AzureCli;
    if (sp != otherSp || cli != otherCli)
        return false;
    if (!sameCloud(toCloud(), other.toCloud()))
        return false;
    if (homeTenantId.compare(other.homeTenantId, Qt::CaseInsensitive) != 0)
        return false;
    if (clientId.compare(other.clientId, Qt::CaseInsensitive) != 0)
        return false;
    if (sp)
        return true;
    if (!objectId.isEmpty() && !other.objectId.isEmpty())
        return objectId.compare(other.objectId, Qt::CaseInsensitive) == 0;
    return username.compare(other.username, Qt::CaseInsensitive) == 0;
}

QString AccountTenant::stateName(State state)
{
    switch (state) {
    case State::Ready:
        return QStringLiteral("ready");
    case State::NeedsSignIn:
        return QStringLiteral("needs-sign-in");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

QJsonObject AccountTenant::toJson() const
{
    QJsonArray subs;
    for (const auto &s : subscriptions)
        subs.append(QJsonObject{{QStringLiteral("subscriptionId"), s.subscriptionId},
                                {QStringLiteral("displayName"), s.displayName},
                                {QStringLiteral("state"), s.state}});
    QJsonObject json{{QStringLiteral("tenantId"), tenantId},
                     {QStringLiteral("displayName"), displayName},
                     {QStringLiteral("defaultDomain"), defaultDomain},
                     {QStringLiteral("category"), category},
                     {QStringLiteral("state"), stateName(state)},
                     {QStringLiteral("subscriptions"), subs}};
    if (!message.isEmpty())
        json.insert(QStringLiteral("message"), message);
    return json;
}

QString AccountError::technicalDetails() const
{
    switch (kind) {
    case Kind::SignIn:
    case Kind::NeedsSignIn:
        return auth.technicalDetails();
    case Kind::Keychain:
        return secret.technicalDetails();
    case Kind::Cancelled:
    case Kind::Other:
        break;
    }
    return message;
}

// ---- AccountStore -------------------------------------------------------------------------------

AccountStore::AccountStore(QString settingsFile)
    : m_file(std::move(settingsFile))
{}

std::unique_ptr<QSettings> AccountStore::open() const
{
    if (!m_file.isEmpty())
        return std::make_unique<QSettings>(m_file, QSettings::IniFormat);
    return std::make_unique<QSettings>(QSettings::IniFormat,
                                       QSettings::UserScope,
                                       kOrganization,
                                       kApplication);
}

QString AccountStore::fileName() const
{
    return open()->fileName();
}

QList<Account> AccountStore::accounts() const
{
    auto s = open();
    s->beginGroup(kAccountsGroup);
    QList<Account> list;
    for (const QString &key : s->childKeys()) {
        const QJsonObject json = QJsonDocument::fromJson(s->value(key).toString().toUtf8()).object();
        Account a = Account::fromJson(json);
        if (a.id.isEmpty() || a.id != key)
            continue; // not ours, or damaged: ignore rather than guess
        list.append(a);
    }
    std::sort(list.begin(), list.end(), [](const Account &a, const Account &b) {
        return a.username.compare(b.username, Qt::CaseInsensitive) < 0;
    });
    return list;
}

std::optional<Account> AccountStore::account(const QString &id) const
{
    for (const Account &a : accounts()) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

std::optional<Account> AccountStore::find(const QString &idOrUsername, const Arm::Cloud *cloud) const
{
    const QList<Account> all = accounts();
    const QString last = lastUsedId();
    std::optional<Account> found;
    for (const Account &a : all) {
        if (cloud && !sameCloud(a.toCloud(), *cloud))
            continue;
        if (a.id == idOrUsername)
            return a;
        if (a.username.compare(idOrUsername, Qt::CaseInsensitive) == 0 && (!found || a.id == last))
            found = a;
    }
    return found;
}

void AccountStore::save(const Account &account)
{
    if (account.sessionOnly || account.id.isEmpty())
        return;
    auto s = open();
    s->beginGroup(kAccountsGroup);
    s->setValue(account.id,
                QString::fromUtf8(QJsonDocument(account.toJson()).toJson(QJsonDocument::Compact)));
    s->endGroup();
    s->sync();
}

void AccountStore::remove(const QString &id)
{
    auto s = open();
    s->beginGroup(kAccountsGroup);
    s->remove(id);
    s->endGroup();
    if (s->value(kLastUsedKey).toString() == id)
        s->remove(kLastUsedKey);
    s->sync();
}

QString AccountStore::lastUsedId() const
{
    return open()->value(kLastUsedKey).toString();
}

void AccountStore::setLastUsed(const QString &id)
{
    auto s = open();
    if (id.isEmpty())
        s->remove(kLastUsedKey);
    else
        s->setValue(kLastUsedKey, id);
    s->sync();
}

std::optional<Account> AccountStore::lastUsed() const
{
    const QString id = lastUsedId();
    return id.isEmpty() ? std::nullopt : account(id);
}

QString AccountStore::clientId() const
{
    return open()->value(kClientIdKey).toString().trimmed();
}

void AccountStore::setClientId(const QString &clientId)
{
    auto s = open();
    if (clientId.trimmed().isEmpty())
        s->remove(kClientIdKey);
    else
        s->setValue(kClientIdKey, clientId.trimmed());
    s->sync();
}

} // namespace Dps::Identity
