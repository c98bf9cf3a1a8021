#pragma once

#include <QMainWindow>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QMenu;
QT_END_NAMESPACE

namespace Dps {

namespace Ui {
class SetupWizard;
}

// The main window: menus (Quit, About) around the guided setup; the resource browser will join it.
// Without a wizard it shows a welcome text.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Shows `wizard` (not owned... it becomes a child) as the window's content. Finishing or cancelling the
    // wizard closes the window; closing the window while Apply runs asks the wizard's question first.
    void setWizard(Ui::SetupWizard *wizard);
    Ui::SetupWizard *wizard() const { return m_wizard; }

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslateUi();
    void showAbout();

    QMenu *m_fileMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QLabel *m_logo = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_welcome = nullptr;
    Ui::SetupWizard *m_wizard = nullptr;
    bool m_wizardFinished = false;
};

} // namespace Dps
