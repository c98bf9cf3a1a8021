#include "SecretStoreAvailability.h"

#include <QUuid>

namespace Dps::Secrets {

SecretStoreAvailability *SecretStoreAvailability::probe(SecretStore *store)
{
    auto *probe = new SecretStoreAvailability(store);
    probe->start();
    return probe;
}

SecretStoreAvailability::SecretStoreAvailability(SecretStore *store)
    : m_store(store)
    , m_key(QStringLiteral("dps/probe/") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_value(
          QUuid::createUuid().toByteArray(QUuid::WithoutBraces)) // not a secret, just recognisable
{}

void SecretStoreAvailability::start()
{
    Q_ASSERT(m_store);
    if (!m_store) {
        const SecretError error = SecretError::other(QStringLiteral("There is no secret store."),
                                                     m_key);
        QMetaObject::invokeMethod(
            this, [this, error] { report(&error); }, Qt::QueuedConnection);
        return;
    }
    SecretJob *job = m_store->write(m_key, m_value);
    connect(job, &SecretJob::finished, this, &SecretStoreAvailability::onWritten);
    connect(job, &SecretJob::failed, this, [this](const SecretError &error) { report(&error); });
}

void SecretStoreAvailability::onWritten()
{
    if (!m_store) {
        const SecretError error = SecretError::other(QStringLiteral("The secret store was closed."),
                                                     m_key);
        report(&error);
        return;
    }
    SecretJob *job = m_store->read(m_key);
    connect(job, &SecretJob::finished, this, &SecretStoreAvailability::onRead);
    connect(job, &SecretJob::failed, this, [this](const SecretError &error) { report(&error); });
}

void SecretStoreAvailability::onRead(const QByteArray &value)
{
    if (!m_store) {
        const SecretError error = SecretError::other(QStringLiteral("The secret store was closed."),
                                                     m_key);
        report(&error);
        return;
    }
    const bool same = value == m_value;
    SecretJob *job = m_store->remove(m_key);
    connect(job, &SecretJob::finished, this, [this, same] {
        if (same) {
            report(nullptr);
            return;
        }
        const SecretError error
            = SecretError::other(QStringLiteral(
                                     "The keychain returned a different value than was stored."),
                                 m_key);
        report(&error);
    });
    // Removing is part of what sign-out needs, so a store that can't is not usable either.
    connect(job, &SecretJob::failed, this, [this](const SecretError &error) { report(&error); });
}

void SecretStoreAvailability::report(const SecretError *error)
{
    if (m_reported)
        return;
    m_reported = true;
    if (error) {
        qCInfo(lcSecrets).noquote()
            << "the secret store is not usable:" << SecretError::kindName(error->kind)
            << error->message;
        Q_EMIT failed(*error);
    } else {
        qCDebug(lcSecrets) << "the secret store works";
        Q_EMIT finished();
    }
    deleteLater();
}

} // namespace Dps::Secrets
