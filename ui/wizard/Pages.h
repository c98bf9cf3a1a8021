#pragma once

#include "setup/SetupController.h"
#include "ui/widgets/StatusIcons.h"

#include <QPointer>
#include <QWizardPage>

#include <functional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QScrollArea;
class QSpinBox;
class QTimer;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace Dps::Ui {

class CopyField;
class FieldMessage;
class NameChecker;
class MessageBanner;
class SetupWizard;

// What every page shares: the controller (and nothing else, STYLE.md 7) and the wizard for opening links.
class WizardPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardPage(Setup::SetupController &controller, QWidget *parent = nullptr);

protected:
    Setup::SetupController &controller() const { return m_controller; }
    // A form row: a label with `text` (and its mnemonic) as the buddy of `field`; returns the label.
    static QLabel *addLabeledRow(QFormLayout *form, const QString &text, QWidget *field);
    // One choice among `buttons` (a button group of this page); each gets its text as accessible name.
    QButtonGroup *exclusive(std::initializer_list<QRadioButton *> buttons);
    Setup::PlanInput &plan() const { return m_controller.plan(); }
    SetupWizard *setupWizard() const;

private:
    Setup::SetupController &m_controller;
};

// 1. Sign in: cloud and method, remembered accounts, or the sandbox ("Try it without an Azure account").
class SignInPage : public WizardPage
{
    Q_OBJECT
public:
    explicit SignInPage(Setup::SetupController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;

private:
    void updateMethodFields();
    void refreshAccounts();
    void refreshStatus();
    void startSignIn();
    void useSelectedAccount();
    void trySandbox();
    void setBusy(bool busy, const QString &text = {});
    Arm::Cloud chosenCloud(QString *problem) const;

    void showTenants();

    QLabel *m_status;
    QListWidget *m_tenants; // the signed-in account's tenants and their state
    QPushButton *m_trySandbox;
    QGroupBox *m_accountsBox;
    QListWidget *m_accounts;
    QPushButton *m_useAccount;
    QComboBox *m_cloud;
    QLabel *m_armLabel;
    QLineEdit *m_armEndpoint;
    QLabel *m_authorityLabel;
    QLineEdit *m_authority;
    QRadioButton *m_browser;
    QRadioButton *m_deviceCode;
    QRadioButton *m_servicePrincipal;
    QRadioButton *m_azureCli;
    QWidget *m_spFields;
    QLineEdit *m_tenant;
    QLineEdit *m_clientId;
    QLineEdit *m_secret;
    FieldMessage *m_formMessage;
    QPushButton *m_signIn;
    QPushButton *m_cancel;
    QLabel *m_progress;
    CopyField *m_code;
    MessageBanner *m_banner;
    MessageBanner *m_startupNotes;
    QPointer<Identity::AccountOperation> m_op;
    bool m_busy = false;
};

// 2. Subscription and resource group (and the region of new resources).
class SubscriptionPage : public WizardPage
{
    Q_OBJECT
public:
    explicit SubscriptionPage(Setup::SetupController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void fillSubscriptions(const QList<Arm::Subscription> &subscriptions);
    void onSubscriptionChosen();
    void onProviderState(const QString &subscriptionId, const Arm::ProviderState &state);
    void updateGroupMessage();
    void updateRegions();
    QString currentSubscription() const;

    QComboBox *m_subscription;
    FieldMessage *m_subscriptionMessage;
    MessageBanner *m_tenants;
    MessageBanner *m_provider;
    QRadioButton *m_newGroup;
    QRadioButton *m_existingGroup;
    QLineEdit *m_groupName;
    FieldMessage *m_groupMessage;
    QComboBox *m_groups;
    QComboBox *m_region;
    FieldMessage *m_regionMessage;
    QList<Arm::ResourceGroup> m_groupList;
    QList<Arm::Location> m_locations;
    bool m_providerRegistered = false;
    bool m_registering = false;
};

// 3. The Device Provisioning Service: new (name checked as typed) or existing.
class DpsPage : public WizardPage
{
    Q_OBJECT
public:
    explicit DpsPage(Setup::SetupController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void updateMode();

    QRadioButton *m_new;
    QRadioButton *m_existing;
    QLineEdit *m_name;
    FieldMessage *m_nameMessage;
    QComboBox *m_tier;
    QSpinBox *m_units;
    QComboBox *m_list;
    FieldMessage *m_listMessage;
    QList<Arm::ProvisioningService> m_services;
    NameChecker *m_nameCheck;
    QString m_loadedFor;
    // Page 2's resource group, kept for a new hub when an existing DPS lives in another group.
    QString m_groupFromPlan;
    bool m_createGroupFromPlan = true;
};

// 4. The IoT hub: new (name, tier, units, partitions, resource group, region) or existing, in any subscription.
class IotHubPage : public WizardPage
{
    Q_OBJECT
public:
    explicit IotHubPage(Setup::SetupController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void onNameEdited();
    void onPlaceChanged(); // the subscription or resource group of a new hub changed
    void updateMode();
    void updateTier();
    void updateGroupMessage();
    void onHubSubscriptionChosen();
    void onProviderState(const QString &subscriptionId, const Arm::ProviderState &state);
    void onResourceGroups(const QString &subscriptionId, const QList<Arm::ResourceGroup> &groups);
    void storeHubPlace(); // the new hub's subscription and resource group, into plan()
    bool isCurrent() const;
    QString hubSubscription() const;
    QString hubTenant() const;
    QString hubGroup() const;                         // as typed or chosen
    QString listedGroup(const QString &name) const;   // the listed group of that name; empty: a new one
    QString freeHubInUse() const;                     // the subscription's F1 hub, if it has one

    QComboBox *m_hubSubscription;
    MessageBanner *m_provider;
    QRadioButton *m_new;
    QRadioButton *m_existing;
    QLineEdit *m_name;
    FieldMessage *m_nameMessage;
    QComboBox *m_tier;
    QLabel *m_tierInfo;
    FieldMessage *m_tierMessage;
    QSpinBox *m_units;
    QSpinBox *m_partitions;
    QComboBox *m_group; // editable: an existing group of the subscription, or a new name
    FieldMessage *m_groupMessage;
    QComboBox *m_region;
    QComboBox *m_hubs;
    FieldMessage *m_hubsMessage;
    NameChecker *m_nameCheck;
    QString m_lookupsFor; // the subscription whose regions, groups, provider state and hubs were asked for
    QList<Arm::IotHub> m_hubList;
    QString m_hubListFor; // the subscription whose hubs m_hubList holds (none when it is not registered)
    QString m_hubsError;
    QList<Arm::ResourceGroup> m_groupList;
    QString m_groupsFor;  // the subscription whose groups m_groupList holds
    QString m_groupsError;
    QString m_providerFor; // the subscription whose Microsoft.Devices state is known
    bool m_providerRegistered = false;
    bool m_registering = false;
};

// 5. Link: access policy, allocation weight, "apply allocation policy".
class LinkPage : public WizardPage
{
    Q_OBJECT
public:
    explicit LinkPage(Setup::SetupController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    QString newPolicyProblem() const;

    QRadioButton *m_usePolicy;
    QRadioButton *m_createPolicy;
    QComboBox *m_policy;
    FieldMessage *m_policyMessage;
    QLineEdit *m_newPolicy;
    FieldMessage *m_newPolicyMessage;
    QStringList m_policyNames; // every policy of the hub that was listed
    QSpinBox *m_weight;
    QCheckBox *m_apply;
    QLabel *m_existingLink;  // the chosen hub's link to the chosen DPS, when there is one
    QString m_linkPresetFor; // DPS/hub whose existing link preset the weight and flag
    QString m_loadedFor;
    bool m_loading = false;
};

// 6. Allocation policy: evenly weighted (default), lowest latency, static.
class PolicyPage : public WizardPage
{
    Q_OBJECT
public:
    explicit PolicyPage(Setup::SetupController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;

private:
    QRadioButton *m_hashed;
    QRadioButton *m_geoLatency;
    QRadioButton *m_static;
    QLabel *m_current;      // "The DPS 'x' currently uses ..." for an existing DPS
    QString m_presetFor;    // the existing DPS whose own policy was preselected
};

// 7. Review: the plan in plain words, the ARM calls, the pre-flight checks (nothing written yet).
class ReviewPage : public WizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(Setup::SetupController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    // The plan in words: new, changes to existing resources (before -> after), unchanged.
    static QString describe(const Setup::Plan &plan);
    static QString breakable(const QString &path); // wrap points (zero-width spaces) in a URL path

private:
    void onChecks(const QList<Setup::CheckResult> &checks);
    void showPlan();
    void clearChecks();
    FieldMessage *addCheckRow(Status status, const QString &text, QPushButton *button = nullptr);

    QLabel *m_summary;
    QTreeWidget *m_calls;
    QWidget *m_checks;
    QVBoxLayout *m_checksLayout;
    QScrollArea *m_checksArea;
    MessageBanner *m_banner;
    bool m_checking = false;
    bool m_passed = false;
};

// 8. Apply: per-step progress; an error inline with its fix and a Retry that resumes; Stop.
class ApplyPage : public WizardPage
{
    Q_OBJECT
public:
    explicit ApplyPage(Setup::SetupController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;

private:
    void start();
    void onStep(const Setup::StepStatus &status);
    void onFailed(const Arm::ArmError &error);
    void tick();
    QTreeWidgetItem *itemFor(Setup::StepId id);

    QLabel *m_headline;
    QTreeWidget *m_steps;
    MessageBanner *m_banner;
    QPushButton *m_stop;
    QTimer *m_ticker;
    QHash<int, Setup::StepStatus> m_status;
    QHash<int, qint64> m_startedAt; // monotonic ms when the step started running here
    QMetaObject::Connection m_fixConnection; // "delete it and try again": start once the checks pass
    bool m_done = false;
};

// 9. Done: ID scope, endpoints, hub host name with copy buttons; device settings; portal links.
class DonePage : public WizardPage
{
    Q_OBJECT
public:
    explicit DonePage(Setup::SetupController &controller, QWidget *parent = nullptr);
    void initializePage() override;

    enum class SettingsFormat { Text, Json, Environment };
    static QString deviceSettings(const Setup::SetupResult &result, SettingsFormat format);

private:
    void copySettings(SettingsFormat format);

    CopyField *m_idScope;
    CopyField *m_serviceEndpoint;
    CopyField *m_globalEndpoint;
    CopyField *m_hubHost;
    QToolButton *m_copySettings;
    QLabel *m_settingsCopied;
    QPushButton *m_openDps;
    QPushButton *m_openHub;
    QLabel *m_portalNote;
    QTimer *m_hideCopied;
};

} // namespace Dps::Ui
