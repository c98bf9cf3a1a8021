// What the sign-in flows share: the public client's scopes, PKCE and state randomness, and reading
// who signed in from a token response (entra-auth-and-secrets.md sections 1.1 and 6).
#include "SignIn.h"
#include "SignInSupport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace Dps::Identity {

QString PublicClientConfig::interactiveScopes() const
{
    // offline_access: a refresh token; openid profile: an id token saying who signed in.
    return Detail::joinScopes(armScope, QStringLiteral("offline_access openid profile"));
}

namespace Detail {

AuthError makeError(const QString &error, const QString &description)
{
    AuthError e;
    e.error = error;
    e.description = description;
    e.aadstsCodes = aadstsCodesIn(description);
    return e;
}

QString randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator *generator = QRandomGenerator::system();
    for (char &c : raw)
        c = char(generator->bounded(256));
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString pkceChallenge(const QString &verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QJsonObject jwtPayload(const QString &jwt)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(
               QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

QJsonObject clientInfo(const QString &encoded)
{
    if (encoded.isEmpty())
        return {};
    return QJsonDocument::fromJson(
               QByteArray::fromBase64(encoded.toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

SignInResult signInResultFrom(const TokenEndpoint::Response &response,
                              const QString &requestedTenant)
{
    SignInResult result;
    const QJsonObject id = jwtPayload(response.json.value(QStringLiteral("id_token")).toString());
    const QJsonObject info = clientInfo(
        response.json.value(QStringLiteral("client_info")).toString());
    result.tenantId = id.value(QStringLiteral("tid")).toString();
    if (result.tenantId.isEmpty())
        result.tenantId = requestedTenant;
    result.homeTenantId = info.value(QStringLiteral("utid")).toString();
    if (result.homeTenantId.isEmpty())
        result.homeTenantId = result.tenantId;
    result.objectId = id.value(QStringLiteral("oid")).toString();
    if (result.objectId.isEmpty())
        result.objectId = info.value(QStringLiteral("uid")).toString();
    result.username = id.value(QStringLiteral("preferred_username")).toString();
    result.displayName = id.value(QStringLiteral("name")).toString();
    if (response.token)
        result.accessToken = *response.token;
    result.accessToken.tenantId = result.tenantId;
    result.refreshToken = response.refreshToken;
    return result;
}

QString joinScopes(const QString &first, const QString &second)
{
    QStringList out;
    for (const QString &list : {first, second}) {
        for (const QString &scope : list.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!out.contains(scope))
                out.append(scope);
        }
    }
    return out.join(QLatin1Char(' '));
}

QList<int> aadstsCodesIn(const QString &description)
{
    static const QRegularExpression aadsts(QStringLiteral("^AADSTS(\\d+)"));
    const auto m = aadsts.match(description);
    if (!m.hasMatch())
        return {};
    return {m.captured(1).toInt()};
}

} // namespace Detail

} // namespace Dps::Identity
