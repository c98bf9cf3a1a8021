#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Dps::Test {

// A D-Bus session bus of the test's own, in a throwaway HOME/XDG tree, for child processes that must
// meet a particular keychain situation: no Secret Service at all, or one that starts late
// (startKeyring()). The bus has no service activation, so nothing launches a keyring behind the
// test's back. Stops the bus and the keyring (the processes it started) when it goes away.
class PrivateBus
{
public:
    PrivateBus();
    ~PrivateBus();
    PrivateBus(const PrivateBus &) = delete;
    PrivateBus &operator=(const PrivateBus &) = delete;

    bool isValid() const { return !m_address.isEmpty(); }
    QString error() const { return m_error; }
    QString address() const { return m_address; }
    QString home() const;       // empty until something writes there; tests check that nothing does
    QString runtimeDir() const; // XDG_RUNTIME_DIR: the bus socket (and a keyring's control socket)
    // For a child: HOME and XDG dirs in the scratch tree, this bus, no display, no desktop hints.
    QProcessEnvironment environment() const;

    // gnome-keyring-daemon --foreground --unlock --components=secrets on this bus (the recipe of
    // entra-auth-and-secrets.md 7.1); true once it owns org.freedesktop.secrets.
    bool startKeyring(const QByteArray &password, int timeoutMs = 5000);
    bool secretServiceOwned() const;

private:
    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_address;
    QString m_error;
};

// Every regular file under `dir` (recursively, hidden ones too), relative to it.
QStringList filesUnder(const QString &dir);
// The files under `dir` that hold `value` as it is or base64-encoded (as QtKeychain stores binary data).
QStringList filesContaining(const QString &dir, const QByteArray &value);

} // namespace Dps::Test
