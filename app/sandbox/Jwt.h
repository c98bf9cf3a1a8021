#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Dps::Sandbox::Jwt {

// JWT-shaped tokens: base64url(header).base64url(payload).base64url(HMAC-SHA256). Real Entra signs with
// RS256; clients must treat access tokens as opaque anyway, so an HMAC of our own is enough here.
QString sign(const QJsonObject &claims, const QByteArray &key);

enum class Check { Ok, Malformed, BadSignature };
Check verify(const QString &token, const QByteArray &key, QJsonObject *claims);

QByteArray base64Url(const QByteArray &data);
QByteArray fromBase64Url(const QByteArray &data, bool *ok = nullptr);

} // namespace Dps::Sandbox::Jwt
