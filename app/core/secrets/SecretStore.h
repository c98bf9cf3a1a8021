#pragma once

#include "SecretError.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QObject>
#include <QString>

// "dps.secrets": operations, keys and error kinds only, never a value.
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)

namespace Dps::Secrets {

// One read, write or remove (STYLE.md 3). Emits exactly one of finished/failed, always later from the
// event loop (never inside the call that returned the job, so connecting right after the call is
// safe), then deletes itself. Deleting the job earlier only stops listening: the store still
// completes the operation, so a write is never left half done because its caller went away.
class SecretJob : public QObject
{
    Q_OBJECT
public:
    enum class Operation { Read, Write, Remove };

    SecretJob(Operation operation, const QString &key, QObject *parent = nullptr);

    Operation operation() const { return m_operation; }
    QString key() const { return m_key; }
    bool isDone() const { return m_done; } // a result was delivered or is on its way

    // For SecretStore implementations: deliver the result (queued). Only the first call counts.
    void succeed(const QByteArray &value = {});
    void fail(const Dps::Secrets::SecretError &error);

Q_SIGNALS:
    void finished(const QByteArray &value); // read: the secret; write and remove: empty
    void failed(const Dps::Secrets::SecretError &error);

private:
    Operation m_operation;
    QString m_key;
    bool m_done = false;
};

// Where refresh tokens and service-principal secrets live (STYLE.md 5), and nothing else: access tokens
// stay in memory, settings in QSettings. Asynchronous throughout; each call returns a SecretJob.
//   read(key):         finished(value), or failed(NotFound) when nothing is stored under the key
//   write(key, value): replaces whatever was stored under the key
//   remove(key):       finished also when nothing was stored (sign-out must not fail on that)
// Operations on one key run in the order they were started.
//
// Keys look like "dps/<tenantId>/<accountId>/refresh-token" (refreshTokenKey()). They must be unique
// across applications (the Windows credential store ignores the service name) and must not end in
// ".<digits>", which KeychainSecretStore reserves for the parts of long values.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual SecretJob *read(const QString &key) = 0;
    virtual SecretJob *write(const QString &key, const QByteArray &value) = 0;
    virtual SecretJob *remove(const QString &key) = 0;
    // False for a store that forgets everything when the process ends ("this session only").
    virtual bool isPersistent() const = 0;
};

// The keys this app uses.
QString refreshTokenKey(const QString &tenantId, const QString &accountId);
QString clientSecretKey(const QString &tenantId, const QString &clientId);
// Empty when `key` is usable, else why not (untranslated; a programmer error, not a user's).
QString keyProblem(const QString &key);

} // namespace Dps::Secrets
