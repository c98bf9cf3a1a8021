#pragma once

#include "StatusIcons.h"

#include <QFrame>

#include <functional>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace Dps::Arm {
class ArmError;
}

namespace Dps::Ui {

// An inline message on a page (STYLE.md 4, like KeePassXC's MessageWidget): what happened, what fixes it,
// buttons that act on it (Register, Retry...) and "Copy details" with the request and correlation ids.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Status status, const QString &text, const QString &details = {});
    // `headline` (what failed) when given, the error's translated message, then `fix` (what to do).
    void showError(const Arm::ArmError &error, const QString &fix = {}, const QString &headline = {});
    QPushButton *addAction(const QString &text, const std::function<void()> &onClicked);
    void clearActions();
    void clear();

    Status status() const { return m_status; }
    QString text() const;
    QString details() const { return m_details; }
    QPushButton *copyDetailsButton() const { return m_copyDetails; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QPushButton *m_copyDetails;
    QList<QPushButton *> m_actions;
    QString m_details;
    Status m_status = Status::None;
};

} // namespace Dps::Ui
