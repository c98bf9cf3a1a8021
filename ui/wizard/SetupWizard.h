#pragma once

#include <QUrl>
#include <QWizard>

#include <functional>

class QLabel;

namespace Dps::Setup {
class SetupController;
}

namespace Dps::Ui {

// The guided setup (STYLE.md section 7, issue 5): the portal tutorial's blades in order. The pages only
// talk to the SetupController; nothing is written to Azure before the Review page's "Apply".
class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { SignIn, Subscription, Dps, IotHub, Link, Policy, Review, Apply, Done };
    Q_ENUM(PageId)

    explicit SetupWizard(Setup::SetupController &controller, QWidget *parent = nullptr);
    ~SetupWizard() override;

    Setup::SetupController &controller() const { return m_controller; }

    // How links (Azure portal, device login) are opened; the default is QDesktopServices.
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_opener = std::move(opener); }
    bool openUrl(const QUrl &url) const;

    // Closing while Apply runs asks first; this answers that question without a person (tests):
    // true = stop the run and close, false = keep running.
    void setCloseAnswer(std::function<bool()> answer) { m_closeAnswer = std::move(answer); }

    // Asks before a destructive action (a modal box, opened without a nested event loop) and calls
    // `onAccept` when the person agrees. setConfirmAnswer() answers instead of a person (tests).
    void confirm(const QString &title, const QString &text, const QString &acceptText, const std::function<void()> &onAccept);
    void setConfirmAnswer(std::function<bool(const QString &text)> answer) { m_confirmAnswer = std::move(answer); }

    // Cancel, Escape and closing the window end here (QDialog::closeEvent calls it). A half-filled
    // setup asks first (confirm()), a running Apply asks whether to stop it.
    void reject() override;
    bool closeNeedsConfirmation() const;

private:
    void updateSteps(int currentId);
    // Asks whether to stop a running Apply; calls `then` when the person agreed (or nothing runs).
    void confirmStop(const std::function<void()> &then);

    Setup::SetupController &m_controller;
    QList<QLabel *> m_stepLabels;
    std::function<bool(const QUrl &)> m_opener;
    std::function<bool()> m_closeAnswer;
    std::function<bool(const QString &)> m_confirmAnswer;
    bool m_closing = false;
};

} // namespace Dps::Ui
