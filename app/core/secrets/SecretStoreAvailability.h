#pragma once

#include "SecretStore.h"

#include <QPointer>

namespace Dps::Secrets {

// Finds out up front whether a store can keep secrets, by writing, reading back and removing a
// throwaway entry ("dps/probe/<uuid>", so two processes probing at once don't collide). The UI and
// the command line run it before sign-in, so they can say "no keychain: you stay signed in for this
// session only" (error.userMessage()) before the user has typed anything rather than after.
// Emits exactly one of finished/failed, then deletes itself; deleting it earlier cancels the report.
class SecretStoreAvailability : public QObject
{
    Q_OBJECT
public:
    // Starts at once; connect right away (the result always comes later from the event loop).
    static SecretStoreAvailability *probe(SecretStore *store);

    QString probeKey() const { return m_key; }

Q_SIGNALS:
    void finished(); // the store works
    void failed(const Dps::Secrets::SecretError &error);

private:
    explicit SecretStoreAvailability(SecretStore *store);
    void start();
    void onWritten();
    void onRead(const QByteArray &value);
    void report(const SecretError *error);

    QPointer<SecretStore> m_store;
    QString m_key;
    QByteArray m_value;
    bool m_reported = false;
};

} // namespace Dps::Secrets
