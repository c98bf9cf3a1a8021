#include "Jwt.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace Dps::Sandbox::Jwt {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(const QByteArray &data, bool *ok)
{
    const auto result = QByteArray::fromBase64Encoding(
        data, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (ok)
        *ok = bool(result);
    return result.decoded;
}

QString sign(const QJsonObject &claims, const QByteArray &key)
{
    const QJsonObject header{{QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("kid"), QStringLiteral("sandbox")}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact))
                                    + '.'
                                    + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray mac = QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + base64Url(mac));
}

Check verify(const QString &token, const QByteArray &key, QJsonObject *claims)
{
    const QByteArray raw = token.toLatin1();
    const QList<QByteArray> parts = raw.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty())
        return Check::Malformed;
    bool ok1 = false, ok2 = false, ok3 = false;
    const QByteArray header = fromBase64Url(parts[0], &ok1);
    const QByteArray payload = fromBase64Url(parts[1], &ok2);
    const QByteArray signature = fromBase64Url(parts[2], &ok3);
    if (!ok1 || !ok2 || !ok3)
        return Check::Malformed;
    QJsonParseError e1, e2;
    const auto headerDoc = QJsonDocument::fromJson(header, &e1);
    const auto payloadDoc = QJsonDocument::fromJson(payload, &e2);
    if (e1.error != QJsonParseError::NoError || e2.error != QJsonParseError::NoError
        || !headerDoc.isObject() || !payloadDoc.isObject())
        return Check::Malformed;
    const QByteArray expected = QMessageAuthenticationCode::hash(parts[0] + '.' + parts[1], key,
                                                                 QCryptographicHash::Sha256);
    // Constant-time comparison.
    if (expected.size() != signature.size())
        return Check::BadSignature;
    unsigned char diff = 0;
    for (int i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ signature[i]);
    if (diff != 0)
        return Check::BadSignature;
    if (claims)
        *claims = payloadDoc.object();
    return Check::Ok;
}

} // namespace Dps::Sandbox::Jwt
